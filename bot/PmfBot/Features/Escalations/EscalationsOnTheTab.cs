using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Escalations;
using PmfBot.Standings;
using PmfBot.Storage.Escalations;
using PmfBot.Tab;
using PmfBot.Wording;

namespace PmfBot.Features.Escalations;

/// <summary>An escalation waiting for the signed-in person's decision, as the tab lists it.</summary>
/// <param name="Reference">The measure's reference, or the activity's code.</param>
/// <param name="DecidePath">Where the page posts its decision, under the tab's API.</param>
public sealed record TabWaiting(
    string Reference,
    string Title,
    string Period,
    string PeriodCode,
    string Figure,
    string Why,
    string? Commentary,
    string? ProposedAction,
    string Waiting,
    string DecidePath
);

/// <summary>What the tab sends to decide: the same five decisions as the card, with its note and date.</summary>
public sealed record TabDecision(string? Decision, string? Note, string? Until);

/// <summary>A decision's answer to the tab: what the card would have said.</summary>
public sealed record TabDecided(string State, string? Notice, IReadOnlyList<string> Problems);

/// <summary>
/// Escalations on the Performance tab: those waiting for the signed-in person, and the card's decisions taken from the
/// page. The server checks who may decide exactly as for the card.
/// </summary>
public static class EscalationsOnTheTab
{
    public static WebApplication MapEscalationsOnTheTab(this WebApplication app)
    {
        var api = app.MapTabApi();
        api.MapGet("/escalations", WaitingAsync);
        api.MapPost("/escalations/{reference}/{period}/decide", DecideAsync);
        api.MapPost("/escalations/activity/{code}/{period}/decide", DecidePlanActivityAsync);
        return app;
    }

    /// <summary>
    /// Measures' escalations from their standings (one read per service), then activities' (one query, and each one
    /// waiting on this person read with its reports), oldest first.
    /// </summary>
    private static async Task<TabWaiting[]> WaitingAsync(
        HttpContext context,
        EscalationContexts contexts,
        StandingsReader standings,
        EscalationStore store,
        TimeProvider time,
        CancellationToken cancellationToken
    )
    {
        var user = TabUser.Of(context);
        var person = user.Person.Id;
        var measures = contexts.MeasuresEscalatingTo(person, user.Council);
        var stand = await standings.ForAsync(measures, cancellationToken);
        var now = time.GetUtcNow();
        var policies = contexts.Policies;
        bool IsWaitingOn(Escalation x) =>
            x.State == EscalationState.Open && !x.IsAwaitingOwner && contexts.MayDecide(x, person);
        var waiting = measures
            .Zip(stand)
            .SelectMany(m => m.Second.NotClosed.Select(x => (Measure: m.First, Standing: m.Second, x)))
            .Where(w => IsWaitingOn(w.x))
            .Select(w =>
            {
                var figure = w.Standing.ResultFor(w.x.Period);
                return (
                    w.x.RaisedAt,
                    new TabWaiting(
                        w.Measure.Reference.Value,
                        w.Measure.Title,
                        w.x.Period.ToString(),
                        w.x.Period.Code,
                        figure is null
                            ? "No figure recorded"
                            : $"{w.Measure.Format(figure.Value)} ({figure.Rag?.ToString() ?? "no target"})",
                        EscalationViews.Why(w.x, user.Council, policies.For(w.Measure)),
                        figure?.Commentary,
                        w.x.ProposedAction,
                        EscalationViews.Waiting(w.x, user.Council, now),
                        $"/escalations/{Uri.EscapeDataString(w.Measure.Reference.Value)}/{w.x.Period.Code}/decide"
                    )
                );
            })
            .ToList();
        if (user.Council.Activities.Count > 0)
        {
            foreach (var read in await store.GetAllOfPlanActivitiesAsync(cancellationToken))
            {
                if (
                    IsWaitingOn(read.Escalation)
                    && await contexts.ForAsync(read.Escalation, user.Council, cancellationToken) is { } about
                )
                {
                    waiting.Add((read.Escalation.RaisedAt, PlanActivityWaiting(read.Escalation, about)));
                }
            }
        }

        return [.. waiting.OrderBy(w => w.RaisedAt).Select(w => w.Item2)];
    }

    private static TabWaiting PlanActivityWaiting(Escalation x, EscalationContext context)
    {
        var about = EscalationViews.About(x, context);
        return new TabWaiting(
            about.Reference,
            about.Title,
            x.Period.ToString(),
            x.Period.Code,
            about.Figure,
            EscalationViews.Why(x, context.Council, context.Policy),
            about.Commentary,
            x.ProposedAction,
            EscalationViews.Waiting(x, context.Council, context.Now),
            $"/escalations/activity/{Uri.EscapeDataString(about.Reference)}/{x.Period.Code}/decide"
        );
    }

    private static async Task<IResult> DecideAsync(
        string reference,
        string period,
        TabDecision body,
        HttpContext context,
        EscalationStore store,
        EscalationDecisions decisions,
        CancellationToken cancellationToken
    )
    {
        var user = TabUser.Of(context);
        var read =
            MeasureReference.TryParse(reference, out var parsed)
            && user.Council.FindMeasure(parsed) is { } measure
            && ReportingPeriod.TryParse(period, out var when)
                ? await store.GetAsync(measure.Reference, when, cancellationToken)
                : null;
        return await TakeDecisionAsync(read, body, user, decisions, cancellationToken);
    }

    private static async Task<IResult> DecidePlanActivityAsync(
        string code,
        string period,
        TabDecision body,
        HttpContext context,
        EscalationStore store,
        EscalationDecisions decisions,
        CancellationToken cancellationToken
    )
    {
        var user = TabUser.Of(context);
        var read =
            user.Council.FindPlanActivity(code) is not null && ReportingPeriod.TryParse(period, out var when)
                ? await store.GetAsync(EscalationSubject.OfPlanActivity(code), when, cancellationToken)
                : null;
        return await TakeDecisionAsync(read, body, user, decisions, cancellationToken);
    }

    /// <summary>The card's decision, taken from the page: the same checks, and the same words back.</summary>
    private static async Task<IResult> TakeDecisionAsync(
        StoredEscalation? read,
        TabDecision body,
        TabUser user,
        EscalationDecisions decisions,
        CancellationToken cancellationToken
    )
    {
        if (read is null)
        {
            return TabProblem.Answer(
                StatusCodes.Status404NotFound,
                "I can't find that escalation. Nothing was changed."
            );
        }

        if (!EscalationDecisions.TryReadKind(body.Decision, out var kind))
        {
            return TabProblem.Answer(
                StatusCodes.Status400BadRequest,
                "Choose one of the five decisions. Nothing was changed."
            );
        }

        var asked = new DecisionAsked(kind, body.Note, body.Until, user.Person, null);
        return await decisions.DecideAsync(read, asked, user.Council, cancellationToken) switch
        {
            DecisionOutcome.Refused refused => TabProblem.Answer(
                StatusCodes.Status403Forbidden,
                $"{refused.Why} Nothing was changed."
            ),
            DecisionOutcome.Shown { Problems: { Count: > 0 } problems } shown => Results.BadRequest(
                new TabDecided(shown.Escalation.State.ToString(), null, problems)
            ),
            DecisionOutcome.Shown shown => Results.Ok(
                new TabDecided(shown.Escalation.State.ToString(), shown.Notice, [])
            ),
            DecisionOutcome.Unsaved unsaved => TabProblem.Answer(StatusCodes.Status503ServiceUnavailable, unsaved.Why),
            _ => throw new System.Diagnostics.UnreachableException(),
        };
    }
}
