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
/// one for its period (the escalation owner's card follows), reopens the period's closed one, or
/// re-judges an open one whose trigger it changes; back within tolerance, it closes the measure's
/// open escalations up to its period. Raising is one per measure and period, every change checks
/// the escalation is unchanged since read, and each card goes out once through its claim, so
/// handling an event again changes nothing, and the last figure's event leaves the state it calls for.
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
            var already = follows.AlreadyRaised?.Escalation;
            if (follows.Raises is not null && (already is null || follows.Reopens))
            {
                var council = await context.CouncilAsync(cancellationToken);
                var told = await raiser.ToldOfRaisingAsync(
                    measure.Reference,
                    measure.EscalationOwner,
                    toldTo,
                    council,
                    cancellationToken
                );
                sentences.Add(
                    already is null ? told : $"Its {already.Period} escalation, closed before, is reopened: {told}"
                );
            }
            else if (follows.Raises is { } judged && already is not null && already.IsRejudgedBy(judged))
            {
                sentences.Add(
                    judged == EscalationTrigger.Red
                        ? $"Its {already.Period} escalation is now Red: the escalation owner is told."
                        : $"Its {already.Period} escalation now stands for Amber and worsening, no longer Red."
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
            var (stored, raised) = follows.AlreadyRaised switch
            {
                { } closed when follows.Reopens => (
                    await raiser.ReopenAsync(closed, trigger, figure.ActionNote, context, cancellationToken),
                    false
                ),
                { } open when open.Escalation.IsRejudgedBy(trigger) => (
                    await raiser.RejudgeAsync(open, trigger, context, cancellationToken),
                    false
                ),
                _ => await raiser.RaiseAsync(
                    raiser.New(state.Measure, figure.Period, trigger, figure.ActionNote),
                    context,
                    cancellationToken
                ),
            };
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

        // A correction reopens what an earlier figure closed, unless a later period has been back within tolerance
        // since (that spell is over); a person's review that closed it stands.
        var reopens =
            raises is not null
            && already?.Escalation is { State: EscalationState.Closed, Closure.By: null }
            && !state.History.Any(r => r.Period > figure.Period && EscalationRules.IsBackWithinTolerance(r));
        return new Follows(state, closes, raises, already, reopens);
    }

    private static string BackWithinTolerance(MeasureResult figure, Measure measure) =>
        $"back within tolerance: {figure.Period} was {measure.Format(figure.Value)} "
        + $"({figure.Rag?.ToString() ?? MeasureWords.NoTargetStatus(figure.VsPrevious)})";

    private sealed record Follows(
        MeasureState State,
        IReadOnlyList<StoredEscalation> Closes,
        EscalationTrigger? Raises,
        StoredEscalation? AlreadyRaised,
        bool Reopens
    );

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Event}: escalations unreadable; the event will raise any")]
    private static partial void LogNotForetold(ILogger logger, Exception exception, string @event);
}
