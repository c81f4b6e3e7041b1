namespace PmfBot.Cards.Payloads;

/// <summary>
/// What an extension request's Approve and Refuse carry back: the measure, the period and the request's id (the
/// decision and its note are the card's own inputs, merged in by Teams).
/// </summary>
public sealed record ExtensionData(string? Measure, string? Period, string? Extension)
{
    public const string ExtensionKey = "extension";

    public IReadOnlyDictionary<string, string> ToData() =>
        new Dictionary<string, string>
        {
            [MeasurePeriodData.MeasureKey] = Measure ?? string.Empty,
            [MeasurePeriodData.PeriodKey] = Period ?? string.Empty,
            [ExtensionKey] = Extension ?? string.Empty,
        };

    /// <param name="field">Reads one field of the pressed button's data as text.</param>
    public static ExtensionData Read(Func<string, string?> field)
    {
        var (measure, period) = MeasurePeriodData.Read(field);
        return new ExtensionData(measure, period, field(ExtensionKey));
    }
}
