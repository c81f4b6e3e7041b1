using PmfBot.Domain.Catalogue;

namespace PmfBot.Domain.Escalations;

/// <summary>
/// What went to the escalation owner: a measure's figures, or an activity of a service plan (PMF: both are managed
/// side by side, and either may need the Chief Officer's decision).
/// </summary>
public readonly record struct EscalationSubject
{
    private const string PlanActivityPrefix = "activity|";

    private EscalationSubject(MeasureReference? measure, string? planActivity)
    {
        Measure = measure;
        PlanActivity = planActivity;
    }

    /// <summary>The measure escalated; null for an activity.</summary>
    public MeasureReference? Measure { get; }

    /// <summary>The code of the activity escalated; null for a measure.</summary>
    public string? PlanActivity { get; }

    public bool IsPlanActivity => PlanActivity is not null;

    /// <summary>
    /// Its escalations' partition: the measure's key ("NI 192"), or "activity|" and the code upper-cased. Measure keys
    /// are upper-case, so every activity's key sorts after every measure's.
    /// </summary>
    public string Key => Measure?.Key ?? PlanActivityPrefix + PlanActivity!.ToUpperInvariant();

    /// <summary>The first key an activity's escalation may have: measures' keys all sort before it.</summary>
    public static string FirstPlanActivityKey => PlanActivityPrefix;

    /// <summary>The first key after every activity's ("}" follows "|" in ASCII).</summary>
    public static string AfterPlanActivityKeys => "activity}";

    public static EscalationSubject Of(MeasureReference measure) => new(measure, null);

    public static EscalationSubject OfPlanActivity(string code) =>
        string.IsNullOrWhiteSpace(code)
            ? throw new ArgumentException("An activity's code can't be empty.", nameof(code))
            : new(null, code.Trim());

    public static implicit operator EscalationSubject(MeasureReference measure) => Of(measure);

    /// <summary>How people read it: "NI 192", or "activity housing-system".</summary>
    public override string ToString() => Measure?.Value ?? $"activity {PlanActivity}";

    public bool Equals(EscalationSubject other) => string.Equals(Key, other.Key, StringComparison.Ordinal);

    public override int GetHashCode() => Key.GetHashCode(StringComparison.Ordinal);
}
