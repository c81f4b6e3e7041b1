namespace PmfBot.Cards.Payloads;

/// <summary>
/// What a button about one measure's period carries back (a prompt's Submit, "Update now", an
/// escalation's or extension's buttons): the measure's reference and the period's code. The card
/// builder writes it and the handler reads it with the same keys.
/// </summary>
public sealed record MeasurePeriodData(string Measure, string Period)
{
    public const string MeasureKey = "measure";
    public const string PeriodKey = "period";

    public IReadOnlyDictionary<string, string> ToData() =>
        new Dictionary<string, string> { [MeasureKey] = Measure, [PeriodKey] = Period };

    /// <summary>
    /// The two fields as a pressed button sent them (either may be missing: nothing in it is trusted yet).
    /// </summary>
    /// <param name="field">Reads one field of the pressed button's data as text.</param>
    public static (string? Measure, string? Period) Read(Func<string, string?> field) =>
        (field(MeasureKey), field(PeriodKey));
}
