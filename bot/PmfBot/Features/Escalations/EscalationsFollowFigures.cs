using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Escalations;
using PmfBot.Domain.Results;
using PmfBot.Events;
using PmfBot.Measures;
using PmfBot.Storage.Escalations;
using PmfBot.Wording;

namespace PmfBot.Features.Escalations;

/// <summary>
/// What a recorded or corrected figure does to escalations: off track under the policy, it raises
/// one for its period (the escalation owner's card follows); back within tolerance, it closes the
/// measure's open escalations up to its period. Raising is one per measure and period, closing
/// checks the escalation is unchanged since read, and each card goes out once through its claim,
/// so handling an event again changes nothing.
/// </summary>
public sealed partial class EscalationsFollowFigures(
    EscalationRaiser raiser,
    EscalationNotices notices,
    EscalationContexts contexts,
    TimeProvider time,
    ILogger<EscalationsFollowFigures> logger
) : IFigureEventHandler, IFigureEventForecast
{
    /// <summary>What the person is told when the escalations can't be read: the outbox will see to them.</summary>
    public const string WillFollow = "If it needs escalating, that will happen within a few minutes.";

    public string Name => "escalations";

    public async Task<string?> ForetellAsync(
        FigureEventContext context,
        PersonId toldTo,
        CancellationToken cancellationToken
    )
    {
        try
        {
            if (await FollowsAsync(context, cancellationToken) is not { } follows)
            {
                return null;
            }

            var measure = follows.State.Measure;
            var sentences = follows
                .Closes.Select(x =>
                    $"{measure.Reference}'s {x.Escalation.Period} escalation is closed: "
                    + $"it is {BackWithinTolerance(context.Figure, measure)}."
                )
                .ToList();
            if (follows.Raises is not null && follows.AlreadyRaised is null)
            {
                var council = await context.CouncilAsync(cancellationToken);
                sentences.Add(
                    await raiser.ToldOfRaisingAsync(
                        measure.Reference,
                        measure.EscalationOwner,
                        toldTo,
                        council,
                        cancellationToken
                    )
                );
            }

            return sentences.Count == 0 ? null : string.Join(' ', sentences);
        }
        catch (Exception e) when (Storage.StorageFault.Is(e))
        {
            LogNotForetold(logger, e, context.Event.Key);
            return WillFollow;
        }
    }

    public async Task HandleAsync(FigureEventContext context, CancellationToken cancellationToken)
    {
        if (await FollowsAsync(context, cancellationToken) is not { } follows)
        {
            return;
        }

        var (state, figure) = (follows.State, context.Figure);
        var council = await context.CouncilAsync(cancellationToken);
        var closure = new EscalationClosure(
            time.GetUtcNow(),
            $"{state.Measure.Reference} is {BackWithinTolerance(figure, state.Measure)}."
        );
        foreach (var earlier in follows.Closes)
        {
            await raiser.CloseAsync(earlier, closure, state.Measure, council, state, context, cancellationToken);
        }

        if (follows.Raises is { } trigger)
        {
            var (stored, raised) = await raiser.RaiseAsync(
                raiser.New(state.Measure, figure.Period, trigger, figure.ActionNote),
                context,
                cancellationToken
            );
            var escalation = stored.Escalation;
            var cards = await contexts.ForAsync(escalation, state.Measure, council, state, cancellationToken);

            // Its cards go out once each, however often this runs; one raised before (overdue, by
            // hand, or by this event's earlier run) has its cards updated to show the figure.
            await notices.DeliverAsync(escalation, cards, cancellationToken);
            if (!raised)
            {
                await notices.ShowAsync(escalation, cards, null, cancellationToken);
            }
        }
    }

    /// <summary>
    /// What the event's figure calls for, from the same rules whether foretold or done. Null when
    /// the event has been overtaken by a correction, or its measure has left the catalogue.
    /// </summary>
    private async Task<Follows?> FollowsAsync(FigureEventContext context, CancellationToken cancellationToken)
    {
        if (await context.CurrentStateAsync(cancellationToken) is not { } state)
        {
            return null;
        }

        var figure = context.Figure;
        var existing = await context.EscalationsAsync(cancellationToken);
        var closes = EscalationRules.IsBackWithinTolerance(figure)
            ? existing
                .Where(s => s.Escalation.State != EscalationState.Closed && s.Escalation.Period <= figure.Period)
                .ToList()
            : [];
        var raises = EscalationRules.ForResult(figure, state.History, contexts.Policies.For(state.Measure));
        var already = existing.FirstOrDefault(s => s.Escalation.Period == figure.Period);
        return new Follows(state, closes, raises, already);
    }

    private static string BackWithinTolerance(MeasureResult figure, Measure measure) =>
        $"back within tolerance: {figure.Period} was {measure.Format(figure.Value)} "
        + $"({figure.Rag?.ToString() ?? MeasureWords.NoTargetStatus(figure.VsPrevious)})";

    private sealed record Follows(
        MeasureState State,
        IReadOnlyList<StoredEscalation> Closes,
        EscalationTrigger? Raises,
        StoredEscalation? AlreadyRaised
    );

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Event}: escalations unreadable; the event will raise any")]
    private static partial void LogNotForetold(ILogger logger, Exception exception, string @event);
}
