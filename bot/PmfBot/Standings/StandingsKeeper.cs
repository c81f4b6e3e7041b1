using Azure;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Standings;
using PmfBot.Events;
using PmfBot.Storage.Escalations;
using PmfBot.Storage.Outbox;
using PmfBot.Storage.Results;
using PmfBot.Storage.Standings;

namespace PmfBot.Standings;

/// <summary>What a standing holds besides figures, each in its own row: an escalation, a period's extensions.</summary>
public enum StandingSource
{
    Escalation,
    Extensions,
}

/// <summary>
/// Keeps each measure's standing as figures are recorded and corrected, extensions asked for and
/// decided, and escalations raised, decided and closed: read, take the change in, write back only
/// if unchanged since read.
/// </summary>
/// <remarks>
/// A figure comes with its own event in the outbox. An escalation or an extension changes in its
/// own row, so its change is made through <see cref="ChangeAsync{T}"/>: a refresh marker is written
/// first, and once the change is made the standing takes in what the source then holds. Should the
/// process stop in between, the outbox run finds the marker and does the same.
/// </remarks>
public sealed partial class StandingsKeeper(
    StandingStore standings,
    Council.CouncilToday council,
    OutboxStore outbox,
    EscalationStore escalations,
    ResultStore results,
    TimeProvider time,
    ILogger<StandingsKeeper> logger
) : IFigureEventHandler, IOutboxRefresh
{
    public string Name => "standings";

    /// <summary>
    /// After the others: the escalations the event raised or closed are taken in with the figure, in one write.
    /// </summary>
    public bool TakesInTheOthers => true;

    public async Task HandleAsync(FigureEventContext context, CancellationToken cancellationToken)
    {
        var catalogue = await context.CouncilAsync(cancellationToken);
        var escalated = await context.EscalationsAsync(cancellationToken);
        await UpdateAsync(
            catalogue,
            context.Figure.Measure,
            s => escalated.Aggregate(s.With(context.Figure), (standing, x) => standing.With(x.Escalation)),
            cancellationToken
        );
    }

    /// <summary>
    /// Makes a change to a standing's source — an escalation, a period's extensions — so that the
    /// standing takes it in: marked first, changed, then taken in before the caller goes on. A marker
    /// storage refuses never stops the change; a take-in that fails is left to the outbox run (or,
    /// unmarked, to the daily repair).
    /// </summary>
    public async Task<T> ChangeAsync<T>(
        StandingSource source,
        MeasureReference measure,
        ReportingPeriod period,
        Func<CancellationToken, Task<T>> change,
        CancellationToken cancellationToken
    )
    {
        var kind = KindOf(source);
        PendingEvent? marker = null;
        try
        {
            marker = await outbox.MarkRefreshAsync(kind, measure, period, time.GetUtcNow(), cancellationToken);
        }
        catch (RequestFailedException e)
        {
            LogNotMarked(logger, e, kind, measure.Value, period.Code);
        }

        try
        {
            return await change(cancellationToken);
        }
        finally
        {
            // Made or not, the source says what stands. Taken in before the person is answered, so what they ask next
            // ("what's due" after an extension) agrees with what they were just told; storage failing here leaves the
            // marker to the outbox run.
            try
            {
                await TakeInAsync(source, measure, period, cancellationToken);
                if (marker is not null)
                {
                    await outbox.ForgetRefreshAsync(marker, cancellationToken);
                }
            }
            catch (Exception e) when (Storage.StorageFault.Is(e) || e is OperationCanceledException)
            {
                LogNotTakenIn(logger, e, kind, measure.Value, period.Code);
            }
        }
    }

    /// <summary>
    /// Takes in what a refresh marker's source now holds, then lets the marker go (unless marked again meanwhile).
    /// </summary>
    public async Task RefreshAsync(PendingEvent marker, CancellationToken cancellationToken)
    {
        if (Enum.GetValues<StandingSource>().Where(s => KindOf(s) == marker.Refresh).ToList() is [var source])
        {
            await TakeInAsync(source, marker.Measure, marker.Period, cancellationToken);
        }
        else
        {
            LogUnknownSource(logger, marker.Refresh, marker.Measure.Value, marker.Period.Code);
        }

        await outbox.ForgetRefreshAsync(marker, cancellationToken);
    }

    /// <summary>How a source is named in its refresh marker: "escalation", "extensions".</summary>
    private static string KindOf(StandingSource source) => source.ToString().ToLowerInvariant();

    private async Task TakeInAsync(
        StandingSource source,
        MeasureReference measure,
        ReportingPeriod period,
        CancellationToken cancellationToken
    )
    {
        var catalogue = await council.LoadAsync(cancellationToken);
        if (source == StandingSource.Escalation)
        {
            if (await escalations.GetAsync(measure, period, cancellationToken) is { } stored)
            {
                await UpdateAsync(catalogue, measure, s => s.With(stored.Escalation), cancellationToken);
            }

            return;
        }

        var extensions = await results.GetExtensionsAsync(measure, period, cancellationToken);
        await UpdateAsync(
            catalogue,
            measure,
            s => extensions.Aggregate(s, (standing, e) => standing.With(e)),
            cancellationToken
        );
    }

    private async Task UpdateAsync(
        CouncilCatalogue catalogue,
        MeasureReference measure,
        Func<MeasureStanding, MeasureStanding> change,
        CancellationToken cancellationToken
    )
    {
        if (catalogue.FindMeasure(measure)?.ServiceCode is not { } service)
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

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "The {Source} change of {Measure} {Period} was not taken into its standing; the outbox run will"
    )]
    private static partial void LogNotTakenIn(
        ILogger logger,
        Exception exception,
        string source,
        string measure,
        string period
    );

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "A refresh of {Measure} {Period} names an unknown source {Source}"
    )]
    private static partial void LogUnknownSource(ILogger logger, string? source, string measure, string period);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "The {Source} refresh of {Measure} {Period} could not be marked; taken in now, or by the daily repair"
    )]
    private static partial void LogNotMarked(
        ILogger logger,
        Exception exception,
        string source,
        string measure,
        string period
    );
}
