using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.Results;
using PmfBot.Domain.Standings;
using PmfBot.Events;
using PmfBot.Storage.Catalogue;
using PmfBot.Storage.Standings;

namespace PmfBot.Standings;

/// <summary>
/// Keeps each measure's standing as figures are recorded and corrected (and extensions asked for
/// and decided): read, take the figure in, write back only if unchanged since read.
/// </summary>
public sealed class StandingsKeeper(StandingStore standings, CatalogueStore catalogue, Bot.BackgroundSends background)
    : IFigureEventHandler
{
    public string Name => "standings";

    public async Task HandleAsync(FigureEventContext context, CancellationToken cancellationToken)
    {
        var council = await context.CouncilAsync(cancellationToken);
        await UpdateAsync(council, context.Figure.Measure, s => s.With(context.Figure), cancellationToken);
    }

    /// <summary>
    /// Takes in an extension request or decision once the turn has answered. Not an outbox event
    /// (yet): should this fail, the repair pass puts it right.
    /// </summary>
    public void TakeInAfterTurn(DeadlineExtension extension) =>
        background.Start($"{extension.Measure} {extension.Period} extension standing", ct =>
            TakeInAsync(extension, ct)
        );

    /// <summary>Takes in an extension request or decision.</summary>
    public async Task TakeInAsync(DeadlineExtension extension, CancellationToken cancellationToken) =>
        await UpdateAsync(
            await catalogue.LoadAsync(cancellationToken),
            extension.Measure,
            s => s.With(extension),
            cancellationToken
        );

    private async Task UpdateAsync(
        CouncilCatalogue council,
        MeasureReference measure,
        Func<MeasureStanding, MeasureStanding> change,
        CancellationToken cancellationToken
    )
    {
        if (council.FindMeasure(measure)?.ServiceCode is not { } service)
        {
            return; // not in the catalogue any more: nothing stands
        }

        // Another writer between our read and write (a second event, the repair): read again.
        for (var attempt = 1; ; attempt++)
        {
            var stored = await standings.GetAsync(service, measure, cancellationToken);
            var before = stored?.Standing ?? MeasureStanding.Empty(measure);
            var after = change(before);
            if (ReferenceEquals(after, before) && stored is not null)
            {
                return; // already taken in, or older than what stands
            }

            if (await standings.TryWriteAsync(service, after, stored?.ETag, cancellationToken))
            {
                return;
            }

            if (attempt == 5)
            {
                throw new InvalidOperationException($"{measure}'s standing kept changing while being updated.");
            }
        }
    }
}
