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

    public override string ToString() => Label;
}
