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
public sealed class StandingsKeeper(
    StandingStore standings, CatalogueStore catalogue, Bot.BackgroundSends background, TimeProvider time)
    : IFigureEventHandler, IDisposable
{
    // Which service each measure is in, refreshed every few minutes (and when a measure is new to it):
    // a standing must not cost a catalogue read per figure. A measure that moves is moved by the repair pass.
    private static readonly TimeSpan ServicesFor = TimeSpan.FromMinutes(5);
    private (DateTimeOffset At, IReadOnlyDictionary<MeasureReference, string> Services)? _services;

    // One catalogue read at a time: fifty answers a second must not each read a big council's catalogue.
    private readonly SemaphoreSlim _loading = new(1, 1);

    public string Name => "standings";

    public void Dispose() => _loading.Dispose();

    public Task HandleAsync(FigureEvent figureEvent, CancellationToken cancellationToken) =>
        UpdateAsync(figureEvent.Figure.Measure, s => s.With(figureEvent.Figure), cancellationToken);

    /// <summary>
    /// Takes in an extension request or decision once the turn has answered. Not an outbox event
    /// (yet): should this fail, the repair pass puts it right.
    /// </summary>
    public void TakeInAfterTurn(DeadlineExtension extension) =>
        background.Start(
            $"{extension.Measure} {extension.Period} extension standing", ct => TakeInAsync(extension, ct));

    /// <summary>Takes in an extension request or decision.</summary>
    public Task TakeInAsync(DeadlineExtension extension, CancellationToken cancellationToken) =>
        UpdateAsync(extension.Measure, s => s.With(extension), cancellationToken);

    private async Task UpdateAsync(
        MeasureReference measure, Func<MeasureStanding, MeasureStanding> change, CancellationToken cancellationToken)
    {
        if (await ServiceOfAsync(measure, cancellationToken) is not { } service)
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

    private async Task<string?> ServiceOfAsync(MeasureReference measure, CancellationToken cancellationToken)
    {
        if (Known(measure, out var service))
        {
            return service;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (Known(measure, out service))
            {
                return service; // read by whoever held the lock
            }

            var council = await catalogue.LoadAsync(cancellationToken);
            var services = council.Measures.ToDictionary(m => m.Reference, m => m.ServiceCode);
            _services = (time.GetUtcNow(), services);
            return services.GetValueOrDefault(measure);
        }
        finally
        {
            _loading.Release();
        }
    }

    private bool Known(MeasureReference measure, out string? service)
    {
        service = null;
        return _services is { } known && time.GetUtcNow() - known.At < ServicesFor
            && known.Services.TryGetValue(measure, out service);
    }
}
