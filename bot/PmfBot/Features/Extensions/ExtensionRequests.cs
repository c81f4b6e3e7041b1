using Microsoft.Extensions.Options;
using PmfBot.Bot;
using PmfBot.Cards.Extensions;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.Values;
using PmfBot.Measures;
using PmfBot.Storage.Prompts;
using PmfBot.Storage.Results;
using PmfBot.Wording;

namespace PmfBot.Features.Extensions;

/// <summary>
/// "I need until Friday for NI 192 because …": an owner (or delegate) asks for a later deadline.
/// The request is stored, then sent to the deciders; the deadline stands until one approves.
/// Without a readable day or a reason, the owner gets the request form with what they typed kept.
/// </summary>
public sealed class ExtensionRequests(
    ResultStore results,
    ExtensionNotices notices,
    Standings.StandingsKeeper standings,
    TimeProvider time,
    CouncilRules rules
)
{
    private UpdateCyclePolicy Policy => rules.Cycle;

    /// <summary>A request typed in the personal chat. Null when the text isn't one.</summary>
    public async Task<TurnAnswer?> TypedRequestAsync(Turn turn)
    {
        if (!turn.IsPersonal)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (turn.Intent is not TypedIntent.AskForMoreTime { Request: var typed })
        {
            return null;
        }

        if (turn.Person is null)
        {
            return TurnAnswer.Say(
                "I can't find you in the council's performance catalogue, so there is no deadline of yours to move. "
                    + "The performance team can add you."
            );
        }

        var mine = turn.Catalogue.Measures.Where(m => m.MayBeUpdatedBy(turn.Person.Id)).ToList();

        if (typed.Measure is { } named && !mine.Any(m => m.Reference == named))
        {
            return TurnAnswer.Say(
                $"{named} isn't one of yours to update, so you can't ask for more time on it. Its owner can."
            );
        }

        var open = await MeasureState.OpenAsync(
            results,
            typed.Measure is { } only ? mine.Where(m => m.Reference == only) : mine,
            now,
            Policy,
            turn.Cancellation
        );
        if (open.Count == 0)
        {
            return TurnAnswer.Say(
                typed.Measure is { } measure
                    ? $"{measure} has no update open right now, so there is no deadline to move."
                    : "You have no updates open right now, so there is no deadline to move."
            );
        }

        if (open.Select(o => o.Measure.Reference).Distinct().Count() > 1)
        {
            return TurnAnswer.Say(
                "Which measure do you need more time for? You have "
                    + $"{string.Join(", ", open.Select(o => o.Measure.Reference.Value).Distinct())} open. Say, for "
                    + $"example: I need until Friday for {open[0].Measure.Reference} because …"
            );
        }

        var update = open[0]; // the most pressing period when one measure has two open
        var problems = new List<string>();
        if (typed.NewDeadline is null)
        {
            problems.Add(
                typed.DateWords is { Length: > 0 } words
                    ? $"I couldn't read \"{words}\" as a day. Pick it below."
                    : "Which day do you need? Pick it below."
            );
        }

        if (typed.Reason is null)
        {
            problems.Add("Give a reason below: extensions are agreed on it.");
        }

        return problems.Count > 0
            ? Form(update, turn.Person.Id, turn.Catalogue, typed.NewDeadline, typed.Reason, problems)
            : await RequestAsync(turn, update, typed.NewDeadline!.Value, typed.Reason!);
    }

    /// <summary>"Ask for the extension" on the request form.</summary>
    public async Task<TurnAnswer> SubmitFormAsync(Turn turn)
    {
        if (turn.Person is null || !turn.TryGetMeasurePeriod(out var measure, out var period))
        {
            return TurnAnswer.Say(
                "I couldn't tell which update that request was for. Nothing was sent. Type, for example: I need until "
                    + "Friday for CS 02 because …"
            );
        }

        if (!measure.MayBeUpdatedBy(turn.Person.Id))
        {
            return TurnAnswer.Say(
                $"{measure.Reference} isn't one of yours to update, so you can't ask for more time on it. Nothing was "
                    + "sent."
            );
        }

        var open = (
            await MeasureState.OpenAsync(results, [measure], time.GetUtcNow(), Policy, turn.Cancellation)
        ).FirstOrDefault(o => o.Period == period);
        if (open is null)
        {
            return TurnAnswer.Say(
                $"{measure.Reference} {period} isn't open any more (it has been answered, or has closed), so there is "
                    + "no deadline to move. Nothing was sent."
            );
        }

        var typedDate = turn.DataText(ExtensionRequestCard.NewDeadlineInput);
        var reason = turn.DataText(ExtensionRequestCard.ReasonInput)?.Trim();
        var hasDate = DateOnly.TryParseExact(typedDate, "yyyy-MM-dd", out var newDeadline);
        if (!hasDate || !WrittenText.IsPresent(reason))
        {
            var problems = new List<string>();
            if (!hasDate)
            {
                problems.Add("Pick the day you can have the figure in by.");
            }

            if (!WrittenText.IsPresent(reason))
            {
                problems.Add("Give a reason: extensions are agreed on it.");
            }

            return Form(open, turn.Person.Id, turn.Catalogue, hasDate ? newDeadline : null, reason, problems);
        }

        return await RequestAsync(turn, open, newDeadline, reason);
    }

    private async Task<TurnAnswer> RequestAsync(Turn turn, OpenUpdate update, DateOnly newDeadline, string reason)
    {
        var person = turn.Person!;
        var (measure, period, deadline) = update;
        var deciders = notices.DecidersFor(person.Id, turn.Catalogue);
        if (deciders.Count == 0)
        {
            return TurnAnswer.Say(
                "Nobody else is set up to agree extensions, so I can't send your request. Please contact the "
                    + "performance team; your deadline stands."
            );
        }

        var earlier = await results.GetExtensionsAsync(measure.Reference, period, turn.Cancellation);
        if (earlier.FirstOrDefault(e => e.Decision == ExtensionDecision.Pending) is { } pending)
        {
            return TurnAnswer.Of(
                ExtensionCard.Build(
                    ExtensionViews.Of(
                        pending,
                        measure,
                        turn.Catalogue,
                        deadline,
                        ExtensionAudience.Requester,
                        $"There is already a request for {measure.Reference} {period} waiting for a decision, so I "
                            + "haven't sent another."
                    )
                )
            );
        }

        if (
            DeadlineExtension.ProblemWithRequest(newDeadline, reason, deadline, Policy.LatestExtensionFor(deadline)) is
            { } problem
        )
        {
            return Form(update, person.Id, turn.Catalogue, newDeadline, reason, [problem]);
        }

        var request = new DeadlineExtension
        {
            Id = DeadlineExtension.NewId(),
            Measure = measure.Reference,
            Period = period,
            NewDeadline = newDeadline,
            Reason = reason,
            RequestedBy = person.Id,
            RequestedAt = time.GetUtcNow(),
        };
        await standings.ChangeAsync(
            Standings.StandingSource.Extensions,
            measure.Reference,
            period,
            async ct =>
            {
                await results.AddExtensionRequestAsync(request, ct);
                return request;
            },
            turn.Cancellation
        );

        // Stored first: a delivery that fails now is retried by the next due scan.
        var delivered = await notices.DeliverAsync(request, measure, deadline, turn.Catalogue, turn.Cancellation);
        var unreachable = delivered
            .Where(d => d.State is PromptState.WaitingForInstall or PromptState.Gone or PromptState.Failed)
            .Select(d => d.Person.Name)
            .ToList();
        var notice =
            $"Sent to {Said.Names(deciders.Select(d => d.Name))}. I'll tell you as soon as it is decided; until then "
            + $"your deadline stays {Dates.LongDate(deadline.Date)}."
            + (
                unreachable.Count == 0
                    ? string.Empty
                    : $" {Said.Names(unreachable)} can't get PmfBot cards yet, so it will reach them once they open "
                        + "PmfBot in Teams; you may want to let them know."
            );
        return TurnAnswer.Of(
            ExtensionCard.Build(
                ExtensionViews.Of(request, measure, turn.Catalogue, deadline, ExtensionAudience.Requester, notice)
            )
        );
    }

    private TurnAnswer Form(
        OpenUpdate update,
        PersonId requester,
        CouncilCatalogue council,
        DateOnly? newDeadline,
        string? reason,
        IReadOnlyList<string> problems
    ) =>
        TurnAnswer.Of(
            ExtensionRequestCard.Build(
                ExtensionViews.Form(
                    update.Measure,
                    update.Period,
                    update.Deadline,
                    Policy.LatestExtensionFor(update.Deadline),
                    Said.Names(notices.DecidersFor(requester, council).Select(d => d.Name)) is { Length: > 0 } names
                        ? names
                        : "the performance team",
                    newDeadline?.ToString("yyyy-MM-dd"),
                    reason,
                    problems
                )
            )
        );
}
