using PmfBot.Domain.Catalogue;

namespace PmfBot.Storage.Prompts;

/// <summary>
/// What a prompt is about: a measure ("CS 02") or an activity ("activity foi-audit-actions").
/// <see cref="Key"/> is its partition in the Prompts table; <see cref="Label"/> is how people read it.
/// </summary>
public readonly record struct PromptSubject(string Key, string Label)
{
    public static PromptSubject PlanActivity(string code) =>
        new($"activity|{code.ToUpperInvariant()}", $"activity {code}");

    public static implicit operator PromptSubject(MeasureReference measure) => new(measure.Key, measure.Value);

    /// <summary>
    /// An activity's escalation cards: a partition of their own, so that the cards following its progress report
    /// (which show the report on every card of the quarter) leave them alone.
    /// </summary>
    public static PromptSubject PlanActivityEscalation(string code) =>
        new($"escalation|activity|{code.ToUpperInvariant()}", $"activity {code} escalation");

    /// <summary>
    /// A measure's escalation cards sit beside its own prompts (its prompt updates know them apart by step); an
    /// activity's have their own partition (<see cref="PlanActivityEscalation"/>).
    /// </summary>
    public static implicit operator PromptSubject(Domain.Escalations.EscalationSubject subject) =>
        subject.PlanActivity is { } code ? PlanActivityEscalation(code) : subject.Measure!.Value;

    public override string ToString() => Label;
}
