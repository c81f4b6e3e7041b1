using PmfBot.Cards.Escalations;
using PmfBot.Cards.Payloads;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.Escalations;
using PmfBot.Domain.PlanActivities;
using PmfBot.Domain.Results;
using PmfBot.Measures;
using PmfBot.Wording;

namespace PmfBot.Features.Escalations;

/// <summary>Why a card about an escalation is being shown: it sets the headline.</summary>
public enum EscalationOccasion
{
    Raised,
    Reminder,
    NextLevel,
    Answered,
    Review,
    Rejudged,
    Shown,
}

/// <summary>
/// Who the card is for: a decider gets the decision inputs; a sent card the state, with "Decide" while it is open; a
/// reader the state alone.
/// </summary>
public enum EscalationAudience
{
    Decider,
    Everyone,
    Reader,
}

/// <summary>
/// What an escalation card needs beyond the escalation: the measure's figures (or the activity's reports), who
/// decides, and how to reach them.
/// </summary>
/// <param name="State">A measure's escalation: the measure and its figures; null for an activity's.</param>
/// <param name="PlanActivity">An activity's escalation: the activity and its reports; null for a measure's.</param>
/// <param name="Deadline">A measure's period's update deadline (for an overdue escalation's "n days
/// overdue").</param>
/// <param name="Deciders">Who may decide it now: the escalation owner, their deputies, and the next level once
/// raised.</param>
/// <param name="RefreshIds">The deciders' Teams user ids, for the card's refresh.</param>
public sealed record EscalationContext(
    MeasureState? State,
    PlanActivityFacts? PlanActivity,
    CouncilCatalogue Council,
    Deadline? Deadline,
    EscalationPolicy Policy,
    IReadOnlyList<PersonId> Deciders,
    IReadOnlyList<string> RefreshIds,
    DateTimeOffset Now
)
{
    /// <summary>How sentences name what was escalated: "NI 192", or the activity's title.</summary>
    public string Label => State?.Measure.Reference.Value ?? PlanActivity!.PlanActivity.Title;

    /// <summary>Who may answer the escalation owner's question: the owner, or anyone who updates the measure.</summary>
    public bool MayAnswer(Escalation x, PersonId person) =>
        person == x.Owner || State?.Measure.MayBeUpdatedBy(person) == true;
}

/// <summary>An activity and its quarterly reports, as an escalation card shows them.</summary>
public sealed record PlanActivityFacts(PlanActivity PlanActivity, IReadOnlyList<PlanActivityProgress> History);

/// <summary>What an escalation card says about the measure or activity it is about.</summary>
/// <param name="Raised">The headline of the card that raises it.</param>
public sealed record EscalationAbout(
    string Reference,
    string Title,
    string Service,
    string Figure,
    string? Target,
    IReadOnlyList<TrendFigure> Trend,
    string? OffTrack,
    string? Commentary,
    string Raised
)
{
    public Cards.Charts.TrendView? TrendChart { get; init; }
    public string FigureLabel { get; init; } = "Figure";
    public string TargetLabel { get; init; } = "Target";
    public string TrendLabel { get; init; } = "Trend";
    public string? ReviewHint { get; init; }
}

/// <summary>Escalations in words, for the cards. No I/O.</summary>
public static class EscalationViews
{
    private const int TrendLength = 6;

    public static EscalationView Of(
        Escalation x,
        EscalationContext context,
        EscalationAudience audience,
        EscalationOccasion occasion = EscalationOccasion.Shown,
        string? notice = null,
        IReadOnlyList<string>? problems = null,
        DecisionEntry? entry = null
    )
    {
        var council = context.Council;
        var about = About(x, context);
        var open = x.State == EscalationState.Open;
        var data = DataFor(x);
        return new EscalationView(
            Headline(x, about, occasion, context),
            about.Reference,
            about.Title,
            x.Period.ToString(),
            about.Service,
            council.NameOf(x.Owner),
            council.NameOf(x.EscalationOwner),
            about.Figure,
            about.Target,
            about.Trend,
            Why(x, council, context.Policy),
            about.OffTrack,
            about.Commentary,
            x.ProposedAction,
            Thread(x, council),
            Outcome(x, council),
            !open,
            open ? Waiting(x, council, context.Now) : null,
            WhoDecides(context.Deciders, council),
            open && audience == EscalationAudience.Decider ? data : null,
            open && audience == EscalationAudience.Everyone ? data : null,
            open && audience == EscalationAudience.Everyone ? context.RefreshIds : null,
            notice,
            problems,
            entry
        )
        {
            TrendChart = about.TrendChart,
            FigureLabel = about.FigureLabel,
            TargetLabel = about.TargetLabel,
            TrendLabel = about.TrendLabel,
            ReviewHint = about.ReviewHint,
        };
    }

    /// <summary>What the card says about the measure, or the activity (<see cref="PlanActivityEscalationViews"/>).
    /// </summary>
    public static EscalationAbout About(Escalation x, EscalationContext context)
    {
        if (context.PlanActivity is { } facts)
        {
            return PlanActivityEscalationViews.About(x, facts, context.Council, context.Now);
        }

        var state = context.State!;
        var measure = state.Measure;
        var result = state.ResultFor(x.Period);
        return new EscalationAbout(
            measure.Reference.Value,
            measure.Title,
            context.Council.ServiceNameOf(measure.ServiceCode),
            Figure(measure, result, context),
            result?.Thresholds is { } t ? MeasureWords.Target(measure, t) : null,
            [
                .. state
                    .History.Where(r => r.Period <= x.Period)
                    .OrderByDescending(r => r.Period)
                    .Take(TrendLength)
                    .Reverse()
                    .Select(r => new TrendFigure(
                        r.Period.ToString(),
                        measure.Format(r.Value),
                        r.Rag?.ToString() ?? MeasureWords.NoTargetStatus(r.VsPrevious)
                    )),
            ],
            result is null ? null : OffTrack(result, state.History),
            result?.Commentary,
            RaisedHeadline(x, measure.Reference, result, context.Council)
        )
        {
            TrendChart = TrendViews.For(measure, state.History, x.Period),
        };
    }

    /// <summary>
    /// The card the owner gets with the escalation owner's question, open for an answer until answered.
    /// </summary>
    public static EscalationQuestionView Question(
        Escalation x,
        EscalationDecision question,
        EscalationContext context,
        string? notice = null,
        IReadOnlyList<string>? problems = null,
        string? entry = null
    )
    {
        var number = QuestionNumber(x, question);
        var answer = number <= x.Answers.Count ? x.Answers[number - 1] : null;
        var about = About(x, context);
        return new EscalationQuestionView(
            about.Reference,
            about.Title,
            x.Period.ToString(),
            // Just the figure: how overdue it is matters to the decider, not to the owner answering.
            context.State
                is { } state
                ? Figure(state.Measure, state.ResultFor(x.Period), null)
                : about.Figure,
            $"{context.Council.NameOf(question.By)} asked at {Dates.When(question.At)}",
            question.Note ?? string.Empty,
            answer is null && x.State == EscalationState.Open
                ? new Dictionary<string, string>(DataFor(x))
                {
                    ["question"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                }
                : null,
            answer is not null ? $"You answered at {Dates.When(answer.At)}: {answer.Text}"
                : x.State != EscalationState.Open ? $"No answer is needed now: the escalation was {x.StateWord}."
                : null,
            notice,
            problems,
            entry
        );
    }

    /// <summary>A line for "my escalations" and the history.</summary>
    public static EscalationLine Line(Escalation x, CouncilCatalogue council, DateTimeOffset now) =>
        new(
            x.IsPlanActivity ? council.FindPlanActivity(x.PlanActivity)?.Title ?? x.PlanActivity! : x.Measure.Value,
            x.Period.ToString(),
            x.State switch
            {
                EscalationState.Open => Waiting(x, council, now),
                _ => Outcome(x, council)!,
            },
            $"{Said.TriggerWords(x.Trigger)}; raised {Dates.When(x.RaisedAt)}. "
                + $"Owner {council.NameOf(x.Owner)}, escalation owner {council.NameOf(x.EscalationOwner)}.",
            x.State != EscalationState.Open,
            DataFor(x)
        );

    /// <summary>What its buttons carry: the measure (or activity) and the period.</summary>
    public static IReadOnlyDictionary<string, string> DataFor(Escalation x) =>
        x.PlanActivity is { } code
            ? new PlanActivityPeriodData(code, x.Period.Code).ToData()
            : new MeasurePeriodData(x.Measure.Value, x.Period.Code).ToData();

    /// <summary>The 1-based number of a question among the escalation's questions.</summary>
    public static int QuestionNumber(Escalation x, EscalationDecision question) =>
        x.Questions.ToList().IndexOf(question) + 1;

    private static string Headline(
        Escalation x,
        EscalationAbout about,
        EscalationOccasion occasion,
        EscalationContext context
    )
    {
        var label = context.Label;
        if (x.State == EscalationState.Closed)
        {
            return $"Closed: {label} {x.Period} escalation";
        }

        if (occasion == EscalationOccasion.Rejudged && x.Rejudgements is [.., var rejudged])
        {
            return $"Now {Said.TriggerWords(rejudged.To)}: {label} {x.Period} (escalated as "
                + $"{Said.TriggerWords(rejudged.From).ToLowerInvariant()})";
        }

        if (x.State == EscalationState.Decided)
        {
            var decision = Said.DecisionWords(x.Outcome!.Kind).ToLowerInvariant();
            return occasion == EscalationOccasion.Review ? $"Review due: {label} ({decision})" : $"Decided: {decision}";
        }

        if (occasion == EscalationOccasion.Raised && x.Round > 1)
        {
            return $"Escalated to you again: {label} {x.Period} is off track after a correction";
        }

        var days = x.DaysWaitingAt(context.Now);
        return occasion switch
        {
            EscalationOccasion.Raised => about.Raised,
            EscalationOccasion.Reminder => $"Reminder: {label} has waited {Dates.Days(days)} for your decision",
            EscalationOccasion.NextLevel => $"Raised to you: {label}, undecided for {Dates.Days(days)}",
            EscalationOccasion.Answered =>
                $"{context.Council.NameOf((x.Answers.Count > 0 ? x.Answers[^1].By : x.Owner))} answered your question "
                    + $"on {label}",
            _ => $"Escalation open: {label}",
        };
    }

    /// <summary>The headline of the card that raises a measure's escalation.</summary>
    private static string RaisedHeadline(
        Escalation x,
        MeasureReference reference,
        MeasureResult? result,
        CouncilCatalogue council
    ) =>
        x.Trigger switch
        {
            EscalationTrigger.Red => $"Escalated to you: {reference} is Red",
            EscalationTrigger.AmberWorsening =>
                $"Escalated to you: {reference} is {(result?.Rag is null ? "worsening" : "Amber and worsening")}",
            EscalationTrigger.Overdue => $"Escalated to you: {reference}'s {x.Period} update is long overdue",
            _ => $"Escalated to you by {council.NameOf(x.RaisedBy ?? x.Owner)}: {reference}",
        };

    private static string Figure(Measure measure, MeasureResult? result, EscalationContext? context)
    {
        if (result is not null)
        {
            var standing = result.Rag?.ToString() ?? MeasureWords.NoTargetStatus(result.VsPrevious);
            return $"{measure.Format(result.Value)} ({standing})";
        }

        return context?.Deadline is { } deadline && deadline.IsOverdueAt(context.Now)
            ? $"No figure yet: {Dates.Days(deadline.DaysOverdueAt(context.Now))} overdue "
                + $"(due by {Dates.ShortDate(deadline.Date)})"
            : "No figure yet";
    }

    /// <summary>Why it was escalated, in words: "Red: significantly off track, beyond the tolerance".</summary>
    public static string Why(Escalation x, CouncilCatalogue council, EscalationPolicy policy) =>
        x.Trigger switch
        {
            EscalationTrigger.Red => "Red: significantly off track, beyond the tolerance",
            EscalationTrigger.AmberWorsening =>
                $"Off target and worse than the period before, {policy.AmberWorseningPeriods} periods running",
            EscalationTrigger.Overdue => $"The update is more than {Dates.Days(policy.OverdueDays ?? 0)} overdue",
            EscalationTrigger.OffTrack => "Reported off track: significantly behind its plan",
            EscalationTrigger.MissedMilestone => "A milestone is past its date and not completed",
            _ => $"Escalated by {council.NameOf(x.RaisedBy ?? x.Owner)}"
                + (x.Reason is { } reason ? $": {reason}" : string.Empty),
        };

    private static string? OffTrack(MeasureResult result, IReadOnlyList<MeasureResult> history)
    {
        var periods = EscalationRules.PeriodsOffTrack(result, history);
        var since = result.Period;
        for (var i = 1; i < periods; i++)
        {
            since = since.Previous;
        }

        return periods switch
        {
            0 => null,
            1 => $"This period ({result.Period})",
            _ => $"{periods} periods running, since {since}",
        };
    }

    /// <summary>
    /// Everything said and done on it, oldest first: a reopened escalation's earlier rounds too, each with how it
    /// closed and that a correction reopened it.
    /// </summary>
    private static List<ThreadLine> Thread(Escalation x, CouncilCatalogue council)
    {
        var lines = x.EarlierRounds.SelectMany(r =>
            RoundLines(r.Decisions, r.Answers, r.Rejudgements, r.RaisedToNextLevelAt, council)
                .Append(Entry(r.Closure.At, r.Closure.By, $"Closed: {r.Closure.Why}", council))
        );
        if (x.Round > 1)
        {
            lines = lines.Append(Entry(x.RaisedAt, null, "Reopened: a correction put it off track again.", council));
        }

        lines = lines.Concat(RoundLines(x.Decisions, x.Answers, x.Rejudgements, x.RaisedToNextLevelAt, council));
        return [.. lines.OrderBy(l => l.At).Select(l => l.Line)];
    }

    private static IEnumerable<(DateTimeOffset At, ThreadLine Line)> RoundLines(
        IEnumerable<EscalationDecision> decisions,
        IEnumerable<EscalationAnswer> answers,
        IEnumerable<EscalationRejudgement> rejudgements,
        DateTimeOffset? raisedToNextLevelAt,
        CouncilCatalogue council
    )
    {
        var lines = decisions
            .Select(d =>
                Entry(
                    d.At,
                    d.By,
                    d.Kind == DecisionKind.AskForInformation
                        ? $"Asked: {d.Note}"
                        : $"{Said.DecisionWords(d.Kind)}." + Note(d),
                    council
                )
            )
            .Concat(answers.Select(a => Entry(a.At, a.By, $"Answered: {a.Text}", council)))
            .Concat(
                rejudgements.Select(r =>
                    Entry(
                        r.At,
                        null,
                        $"Re-judged after a correction: {Said.TriggerWords(r.To)} (was {Said.TriggerWords(r.From)}).",
                        council
                    )
                )
            );
        return raisedToNextLevelAt is { } raised
            ? lines.Append(Entry(raised, null, "Raised to the next level: no decision in time.", council))
            : lines;
    }

    /// <summary>One line of the thread: who (PmfBot itself when nobody), when, and what.</summary>
    private static (DateTimeOffset At, ThreadLine Line) Entry(
        DateTimeOffset at,
        PersonId? by,
        string what,
        CouncilCatalogue council
    ) => (at, new ThreadLine($"{(by is { } p ? council.NameOf(p) : "PmfBot")}, {Dates.When(at)}", what));

    private static string? Outcome(Escalation x, CouncilCatalogue council)
    {
        var decided = x.Outcome is { } d
            ? $"{Said.DecisionWords(d.Kind)} by {council.NameOf(d.By)} at {Dates.When(d.At)}.{Note(d)}"
            : null;
        return x.State switch
        {
            EscalationState.Closed => $"Closed at {Dates.When(x.Closure!.At)}: {x.Closure.Why}"
                + (decided is null ? string.Empty : $" ({decided})"),
            EscalationState.Decided => decided,
            _ => null,
        };
    }

    private static string Note(EscalationDecision d) =>
        (d.Note is { } note ? $" {note}" : string.Empty)
        + (
            d.Until is not { } until ? string.Empty
            : d.Kind == DecisionKind.AcceptRisk ? $" Accepted until {Dates.ShortDate(until)}."
            : $" Review on {Dates.ShortDate(until)}."
        );

    /// <summary>"Open: waiting 2 days for Priya Shah's decision", or for the owner's answer to a question.</summary>
    public static string Waiting(Escalation x, CouncilCatalogue council, DateTimeOffset now) =>
        x.OpenQuestion is { } question
            ? $"Open: waiting for {council.NameOf(x.Owner)}'s answer to {council.NameOf(question.By)}'s question"
            : (
                x.DaysWaitingAt(now) is var days && days == 0
                    ? $"Open: waiting for {council.NameOf(x.EscalationOwner)}'s decision (raised today)"
                    : $"Open: waiting {Dates.Days(days)} for {council.NameOf(x.EscalationOwner)}'s decision"
            )
                + (
                    x.RaisedToNextLevelAt is { } raised
                        ? $" (raised to the next level on {Dates.ShortDate(UkTime.DateAt(raised))})"
                        : string.Empty
                );

    private static string WhoDecides(IReadOnlyList<PersonId> deciders, CouncilCatalogue council) =>
        $"Only {Said.Names(deciders.Select(council.NameOf))} can decide this escalation.";
}
