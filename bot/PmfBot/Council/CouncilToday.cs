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
public sealed class CouncilToday(CatalogueStore catalogue, CoverStore cover, TimeProvider time)
{
    private (DateOnly Day, CouncilCatalogue Council)? _lastLoaded;

    public async Task<CouncilCatalogue> LoadAsync(CancellationToken cancellationToken)
    {
        var today = UkTime.DateAt(time.GetUtcNow());
        var council = catalogue.LoadAsync(cancellationToken);
        var delegations = cover.GetDelegationsInForceAsync(today, cancellationToken);
        var loaded = Delegation.Apply(await council, await delegations, today);
        _lastLoaded = (today, loaded);
        return loaded;
    }

    /// <summary>
    /// The council as last loaded today, for a turn that finds storage unreachable: enough to know
    /// who is talking and to give them back what they entered, when nothing can be saved anyway.
    /// Null when there is none from today. Scheduled work never uses it: it waits for storage.
    /// </summary>
    public CouncilCatalogue? LastLoadedToday =>
        _lastLoaded is var (day, council) && day == UkTime.DateAt(time.GetUtcNow()) ? council : null;
}
