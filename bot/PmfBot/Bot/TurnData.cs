using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using PmfBot.Cards.Payloads;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;

namespace PmfBot.Bot;

public static class TurnData
{
    /// <summary>
    /// A field of the pressed button's data as text: strings as sent, numbers as their JSON text
    /// (Teams sends Input.Number as a number, the Playground as a string), anything else null.
    /// </summary>
    public static string? DataText(this Turn turn, string name) =>
        turn.Data is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty(name, out var field)
            ? field.ValueKind switch
            {
                JsonValueKind.String => field.GetString(),
                JsonValueKind.Number => field.GetRawText(),
                _ => null,
            }
            : null;

    /// <summary>
    /// The measure and period a button is about (its data's "measure" and "period"), when both name real ones.
    /// </summary>
    public static bool TryGetMeasurePeriod(
        this Turn turn,
        [NotNullWhen(true)] out Measure? measure,
        out ReportingPeriod period
    )
    {
        var (measureText, periodText) = MeasurePeriodData.Read(turn.DataText);
        measure = MeasureReference.TryParse(measureText, out var reference)
            ? turn.Catalogue.FindMeasure(reference)
            : null;
        period = default;
        return measure is not null && ReportingPeriod.TryParseCode(periodText, out period);
    }
}
