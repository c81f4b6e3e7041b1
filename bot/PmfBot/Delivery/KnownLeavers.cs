using PmfBot.Domain.Catalogue;
using PmfBot.Domain.People;
using PmfBot.Storage.People;

namespace PmfBot.Delivery;

/// <summary>
/// Who has left, as last read: every card sent asks (<see cref="ClaimedSend"/>), so the table is read at most once a
/// second, and again at once after this process records or removes a leaver. Another instance's record is seen
/// within the second, as its catalogue changes are (<see cref="Council.CouncilToday"/>).
/// </summary>
public sealed class KnownLeavers(LeaverStore store, TimeProvider time)
{
    /// <summary>How long a read is used before storage is asked again.</summary>
    public static readonly TimeSpan RecheckEvery = TimeSpan.FromSeconds(1);

    private volatile Kept? _kept;

    public async Task<IReadOnlyDictionary<PersonId, Leaver>> GetAsync(CancellationToken cancellationToken)
    {
        // The write count is taken before reading: a write landing during the read makes the next ask read again.
        var writes = store.Writes;
        if (_kept is { } kept && kept.Writes == writes && time.GetElapsedTime(kept.At) < RecheckEvery)
        {
            return kept.Leavers;
        }

        var at = time.GetTimestamp();
        var leavers = await store.GetAllAsync(cancellationToken);
        _kept = new Kept(writes, at, leavers);
        return leavers;
    }

    private sealed record Kept(long Writes, long At, IReadOnlyDictionary<PersonId, Leaver> Leavers);
}
