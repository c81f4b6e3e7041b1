using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Cover;
using PmfBot.Storage.Catalogue;
using PmfBot.Storage.Cover;

namespace PmfBot.Council;

/// <summary>
/// The catalogue as it stands today: with the delegations in force applied, so a delegate may
/// update what they cover and the scan prompts them instead of the owner. What every turn and
/// every scan reads.
/// </summary>
/// <remarks>
/// Read again at most once every <see cref="RecheckEvery"/> of real time, or at once when this process has written
/// the catalogue or a delegation since: 50 answers a second then cost storage one check a second, not 100 reads,
/// and a change made on another instance shows within a second.
/// </remarks>
public sealed class CouncilToday(CatalogueStore catalogue, CoverStore cover, TimeProvider time)
{
    /// <summary>How long a loaded council is used before storage is asked again.</summary>
    public static readonly TimeSpan RecheckEvery = TimeSpan.FromSeconds(1);

    private volatile Loaded? _loaded;

    public async Task<CouncilCatalogue> LoadAsync(CancellationToken cancellationToken)
    {
        var today = UkTime.DateAt(time.GetUtcNow());
        var writes = (catalogue.Writes, cover.DelegationWrites);
        if (
            _loaded is { } kept
            && kept.Day == today
            && kept.Writes == writes
            && System.Diagnostics.Stopwatch.GetElapsedTime(kept.At) < RecheckEvery
        )
        {
            return kept.Council;
        }

        // The write counts are taken before reading: a write landing during the read makes the next load read again.
        var at = System.Diagnostics.Stopwatch.GetTimestamp();
        var council = catalogue.LoadAsync(cancellationToken);
        var delegations = cover.GetDelegationsInForceAsync(today, cancellationToken);
        var loaded = Delegation.Apply(await council, await delegations, today);
        _loaded = new Loaded(today, writes, at, loaded);
        return loaded;
    }

    /// <summary>
    /// The council as last loaded today, for a turn that finds storage unreachable: enough to know
    /// who is talking and to give them back what they entered, when nothing can be saved anyway.
    /// Null when there is none from today. Scheduled work never uses it: it waits for storage.
    /// </summary>
    public CouncilCatalogue? LastLoadedToday =>
        _loaded is { } kept && kept.Day == UkTime.DateAt(time.GetUtcNow()) ? kept.Council : null;

    private sealed record Loaded(DateOnly Day, (long, long) Writes, long At, CouncilCatalogue Council);
}
