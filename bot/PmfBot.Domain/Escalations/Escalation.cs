using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;

namespace PmfBot.Domain.Escalations;

public enum EscalationState
{
    /// <summary>Waiting for the escalation owner's decision (or for the owner's answer to their question).</summary>
    Open,

    /// <summary>Decided: the remedial action, resource, stop or accepted risk is on record.</summary>
    Decided,

    /// <summary>Over: the measure is back within tolerance, or the decision was reviewed.</summary>
    Closed,
}

/// <summary>
/// What the escalation owner can decide (PMF: remedial action or resource, or stop the activity altogether).
/// </summary>
public enum DecisionKind
{
    /// <summary>Approve the owner's proposed remedial action, optionally until a review date.</summary>
    ApproveAction,

    /// <summary>Allocate resource or change the action: the note says what.</summary>
    AllocateResource,

    /// <summary>Ask the owner for more: the escalation stays open until they answer.</summary>
    AskForInformation,

    /// <summary>Stop the activity or project: the note says why.</summary>
    Stop,

    /// <summary>Accept the risk until a date, when it is looked at again.</summary>
    AcceptRisk,
}

/// <summary>One decision (or question) on an escalation: who, when, what, and why.</summary>
/// <param name="Until">The review date of an approval, or the date an accepted risk runs to.</param>
public sealed record EscalationDecision(
    DecisionKind Kind,
    PersonId By,
    DateTimeOffset At,
    string? Note,
    DateOnly? Until
);

/// <summary>The owner's answer to the escalation owner's question.</summary>
public sealed record EscalationAnswer(PersonId By, DateTimeOffset At, string Text);

/// <summary>Why and when an escalation closed.</summary>
/// <param name="By">Who closed it on review; null when a result back within tolerance closed it.</param>
public sealed record EscalationClosure(DateTimeOffset At, string Why, PersonId? By = null);

/// <summary>
/// A corrected figure judged the escalation again and what raised it changed: Amber and worsening became Red, or the
/// other way.
/// </summary>
public sealed record EscalationRejudgement(DateTimeOffset At, EscalationTrigger From, EscalationTrigger To);

/// <summary>
/// An earlier round of a reopened escalation, as it stood when it closed: nothing decided is forgotten.
/// </summary>
public sealed record EscalationRound(
    DateTimeOffset RaisedAt,
    EscalationTrigger Trigger,
    PersonId? RaisedBy,
    string? Reason,
    string? ProposedAction,
    IReadOnlyList<EscalationDecision> Decisions,
    IReadOnlyList<EscalationAnswer> Answers,
    IReadOnlyList<EscalationRejudgement> Rejudgements,
    DateTimeOffset? RaisedToNextLevelAt,
    EscalationClosure Closure
)
{
    /// <summary>
    /// Its changes, as <see cref="Escalation.Revision"/> counts them, plus the reopening that ended it.
    /// </summary>
    public int Revision =>
        Decisions.Count + Answers.Count + Rejudgements.Count + (RaisedToNextLevelAt is null ? 0 : 1) + 2;
}

/// <summary>
/// A measure's period (or an activity's quarter) gone to its escalation owner: open until decided, then closed when
/// the measure is back within tolerance (the activity back on track) or the decision is reviewed, and reopened when a
/// correction puts it off track again. One per subject and period (<see cref="Key"/>), so it is never raised twice.
/// </summary>
public sealed record Escalation
{
    public const int MaxNoteLength = 2000;

    /// <summary>The measure or activity escalated.</summary>
    public required EscalationSubject Subject { get; init; }

    /// <summary>The measure escalated. Only a measure's escalation has one: check <see cref="IsPlanActivity"/> first
    /// where an activity's may come.</summary>
    public MeasureReference Measure =>
        Subject.Measure ?? throw new InvalidOperationException($"Escalation {Key} is an activity's, not a measure's.");

    /// <summary>The activity escalated, for an activity's escalation; else null.</summary>
    public string? PlanActivity => Subject.PlanActivity;

    public bool IsPlanActivity => Subject.IsPlanActivity;

    public required ReportingPeriod Period { get; init; }
    public required EscalationTrigger Trigger { get; init; }
    public required PersonId EscalationOwner { get; init; }

    /// <summary>The measure's owner when it was raised: who proposes the action and answers questions.</summary>
    public required PersonId Owner { get; init; }
    public required DateTimeOffset RaisedAt { get; init; }

    /// <summary>Who escalated by hand; null when the rules did.</summary>
    public PersonId? RaisedBy { get; init; }

    /// <summary>Why it was escalated by hand, in the owner's words.</summary>
    public string? Reason { get; init; }

    /// <summary>The owner's action note: the remedial action proposed.</summary>
    public string? ProposedAction { get; init; }

    public EscalationState State { get; init; } = EscalationState.Open;
    public IReadOnlyList<EscalationDecision> Decisions { get; init; } = [];

    /// <summary>
    /// The escalation owner's questions to the owner, in order: question n is answered by <see cref="Answers"/>[n - 1].
    /// </summary>
    public IReadOnlyList<EscalationDecision> Questions =>
        [.. Decisions.Where(d => d.Kind == DecisionKind.AskForInformation)];

    /// <summary>The owner's answers to questions, in order.</summary>
    public IReadOnlyList<EscalationAnswer> Answers { get; init; } = [];

    public EscalationClosure? Closure { get; init; }

    /// <summary>When it went to the next level for want of a decision; null while it hasn't.</summary>
    public DateTimeOffset? RaisedToNextLevelAt { get; init; }

    /// <summary>Corrections that changed what raised it, this round.</summary>
    public IReadOnlyList<EscalationRejudgement> Rejudgements { get; init; } = [];

    /// <summary>The rounds before this one, oldest first, when a correction reopened it after it closed.</summary>
    public IReadOnlyList<EscalationRound> EarlierRounds { get; init; } = [];

    /// <summary>1 until a correction reopens it; each reopening starts the next round, with cards of its own.</summary>
    public int Round => EarlierRounds.Count + 1;

    public string Key => KeyOf(Subject, Period);

    /// <summary>
    /// How many times it has changed since it was raised: every change adds a decision, an answer, the raise to the
    /// next level or the closure, so of two copies the one with the higher revision is the newer.
    /// </summary>
    public int Revision =>
        EarlierRounds.Sum(r => r.Revision)
        + Decisions.Count
        + Answers.Count
        + Rejudgements.Count
        + (RaisedToNextLevelAt is null ? 0 : 1)
        + (State == EscalationState.Closed ? 1 : 0);

    /// <summary>The key of the escalation a measure's period (or an activity's quarter) has, or would have.</summary>
    public static string KeyOf(EscalationSubject subject, ReportingPeriod period) => $"{subject.Key}|{period.Code}";

    /// <summary>The decision that settled it, once decided.</summary>
    public EscalationDecision? Outcome =>
        State == EscalationState.Open ? null : Decisions.LastOrDefault(d => d.Kind != DecisionKind.AskForInformation);

    /// <summary>Only the escalation owner, or a deputy configured for them, decides.</summary>
    public bool MayBeDecidedBy(PersonId person, IEnumerable<PersonId> deputies) =>
        person == EscalationOwner || deputies.Contains(person);

    /// <summary>The question waiting for the owner's answer, if any.</summary>
    public EscalationDecision? OpenQuestion => IsAwaitingOwner ? Decisions[^1] : null;

    /// <summary>Checks the owner's answer to the open question. Returns the problem, or null.</summary>
    public string? ProblemWithAnswer(string? text) =>
        OpenQuestion is null
            ? (
                State == EscalationState.Open
                    ? "There is no question waiting for your answer on this escalation."
                    : $"This escalation was already {StateWord}."
            )
        : !Values.WrittenText.IsPresent(text) ? "Please write your answer: it goes to the escalation owner."
        : text.Length > MaxNoteLength ? $"Please keep the answer under {MaxNoteLength} characters."
        : null;

    /// <summary>
    /// Records the owner's answer (checked by <see cref="ProblemWithAnswer"/>): the decision is the escalation owner's
    /// again.
    /// </summary>
    public Escalation Answer(EscalationAnswer answer) =>
        this with
        {
            Answers = [.. Answers, answer with { Text = answer.Text.Trim() }],
        };

    /// <summary>"decided" or "closed", for sentences about a settled escalation.</summary>
    public string StateWord => State.ToString().ToLowerInvariant();

    /// <summary>Checks a decision before it is taken. Returns the problem, or null.</summary>
    public string? ProblemWith(DecisionKind kind, string? note, DateOnly? until, DateOnly today)
    {
        if (State != EscalationState.Open)
        {
            return $"This escalation was already {StateWord}.";
        }

        if (note?.Length > MaxNoteLength)
        {
            return $"Please keep the note under {MaxNoteLength} characters.";
        }

        return kind switch
        {
            DecisionKind.AllocateResource
            or DecisionKind.AskForInformation
            or DecisionKind.Stop when !Values.WrittenText.IsPresent(note) => kind switch
            {
                DecisionKind.AllocateResource => "Say what resource is allocated, or how the action changes.",
                DecisionKind.AskForInformation => "Say what you'd like to know: the owner will be asked it.",
                _ => "Give a reason for stopping it: it goes on record.",
            },
            DecisionKind.AcceptRisk when until is null =>
                "Give the date the risk is accepted until: it is looked at again then.",
            DecisionKind.AcceptRisk or DecisionKind.ApproveAction when until <= today =>
                "The date must be after today.",
            _ => null,
        };
    }

    /// <summary>
    /// Records a decision checked by <see cref="ProblemWith"/>. A question keeps it open; anything else decides it.
    /// </summary>
    /// <remarks>Only an approval (its review date) and an accepted risk (its end) keep a date: any other decision has
    /// nothing to review.</remarks>
    public Escalation Decide(EscalationDecision decision) =>
        this with
        {
            Decisions =
            [
                .. Decisions,
                decision.Kind is DecisionKind.ApproveAction or DecisionKind.AcceptRisk
                    ? decision
                    : decision with
                    {
                        Until = null,
                    },
            ],
            State = decision.Kind == DecisionKind.AskForInformation ? EscalationState.Open : EscalationState.Decided,
        };

    /// <summary>Closes it: back within tolerance, or reviewed.</summary>
    public Escalation Close(EscalationClosure closure) =>
        this with
        {
            State = EscalationState.Closed,
            Closure = closure,
        };

    /// <summary>
    /// A correction put a closed escalation's period off track again: it opens afresh, for a new decision, with the
    /// round that closed kept in <see cref="EarlierRounds"/>.
    /// </summary>
    public Escalation Reopen(EscalationTrigger trigger, DateTimeOffset at, string? proposedAction)
    {
        if (State != EscalationState.Closed)
        {
            throw new InvalidOperationException($"Escalation {Key} is {StateWord}, not closed: it can't be reopened.");
        }

        var closed = new EscalationRound(
            RaisedAt,
            Trigger,
            RaisedBy,
            Reason,
            ProposedAction,
            Decisions,
            Answers,
            Rejudgements,
            RaisedToNextLevelAt,
            Closure!
        );
        return this with
        {
            EarlierRounds = [.. EarlierRounds, closed],
            RaisedAt = at,
            Trigger = trigger,
            RaisedBy = null,
            Reason = null,
            ProposedAction = proposedAction,
            State = EscalationState.Open,
            Decisions = [],
            Answers = [],
            Rejudgements = [],
            RaisedToNextLevelAt = null,
            Closure = null,
        };
    }

    /// <summary>
    /// Whether a figure's own trigger judges this escalation again: it is not closed, the rules raised it from a
    /// figure, and the figure now calls for the other trigger. Overdue and by-hand escalations keep theirs.
    /// </summary>
    public bool IsRejudgedBy(EscalationTrigger trigger) =>
        State != EscalationState.Closed
        && Trigger is EscalationTrigger.Red or EscalationTrigger.AmberWorsening
        && trigger is EscalationTrigger.Red or EscalationTrigger.AmberWorsening
        && trigger != Trigger;

    /// <summary>Records a new trigger from a corrected figure (see <see cref="IsRejudgedBy"/>).</summary>
    public Escalation Rejudge(EscalationTrigger trigger, DateTimeOffset at) =>
        IsRejudgedBy(trigger)
            ? this with
            {
                Trigger = trigger,
                Rejudgements = [.. Rejudgements, new EscalationRejudgement(at, Trigger, trigger)],
            }
            : throw new InvalidOperationException($"Escalation {Key} is not re-judged by {trigger}.");

    /// <summary>
    /// A decision with a review date (an approval's review, an accepted risk's end) that has come: the escalation owner
    /// looks again.
    /// </summary>
    public bool IsDueForReviewAt(DateTimeOffset now) =>
        State == EscalationState.Decided && Outcome?.Until is { } until && now >= EscalationPolicy.FollowUpAt(until, 0);

    /// <summary>
    /// Days it has waited for a decision as of now (whole UK days since it was raised); zero once decided.
    /// </summary>
    public int DaysWaitingAt(DateTimeOffset now) =>
        State == EscalationState.Open ? UkTime.DateAt(now).DayNumber - UkTime.DateAt(RaisedAt).DayNumber : 0;

    /// <summary>
    /// The escalation owner asked the owner something and is waiting for the answer: not theirs to be chased for.
    /// </summary>
    public bool IsAwaitingOwner =>
        State == EscalationState.Open
        && Decisions.Count > 0
        && Decisions[^1].Kind == DecisionKind.AskForInformation
        && Answers.Count < Questions.Count;

    /// <summary>
    /// Undecided long enough for the escalation owner to be reminded (not while they wait on the owner's answer): from
    /// 09:00 on the day.
    /// </summary>
    public bool IsDueForChaseAt(DateTimeOffset now, EscalationPolicy policy) =>
        State == EscalationState.Open
        && !IsAwaitingOwner
        && now >= EscalationPolicy.FollowUpAt(UkTime.DateAt(RaisedAt), policy.ChaseAfterDays);

    /// <summary>Undecided long enough to go to the next level, and not gone there yet: from 09:00 on the day.</summary>
    public bool IsDueForRaiseAt(DateTimeOffset now, EscalationPolicy policy) =>
        State == EscalationState.Open
        && RaisedToNextLevelAt is null
        && !IsAwaitingOwner
        && now >= EscalationPolicy.FollowUpAt(UkTime.DateAt(RaisedAt), policy.RaiseAfterDays);
}
