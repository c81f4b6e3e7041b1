namespace PmfBot.Cards.Payloads;

/// <summary>
/// What a button about one activity's quarter carries back (its progress card's Submit, "Report now" on the what's-due
/// list): the activity's code and the period's code. The card builder writes it and the handler reads it with the same
/// keys.
/// </summary>
public sealed record PlanActivityPeriodData(string? Activity, string? Period)
{
    public const string ActivityKey = "activity";

    public IReadOnlyDictionary<string, string> ToData() =>
        new Dictionary<string, string>
        {
            [ActivityKey] = Activity ?? string.Empty,
            [MeasurePeriodData.PeriodKey] = Period ?? string.Empty,
        };

    /// <summary>The fields as a pressed button sent them (nothing in it is trusted yet).</summary>
    /// <param name="field">Reads one field of the pressed button's data as text.</param>
    public static PlanActivityPeriodData Read(Func<string, string?> field) =>
        new(field(ActivityKey), field(MeasurePeriodData.PeriodKey));
}
