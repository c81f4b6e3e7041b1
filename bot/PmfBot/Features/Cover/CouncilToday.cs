using PmfBot.Domain.Calendar;
using PmfBot.Domain.Cover;
using PmfBot.Storage.Catalogue;
using PmfBot.Storage.Cover;

namespace PmfBot.Features.Cover;

/// <summary>
/// The catalogue as it stands today: with the delegations in force applied, so a delegate may
/// update what they cover and the scan prompts them instead of the owner. What every turn and
/// every scan reads.
/// </summary>
public sealed class CouncilToday(CatalogueStore catalogue, CoverStore cover, TimeProvider time)
{
    public async Task<Domain.Catalogue.Catalogue> LoadAsync(CancellationToken cancellationToken)
    {
        var today = UkTime.DateAt(time.GetUtcNow());
        var council = catalogue.LoadAsync(cancellationToken);
        var delegations = cover.GetDelegationsInForceAsync(today, cancellationToken);
        return Delegation.Apply(await council, await delegations, today);
    }
}
