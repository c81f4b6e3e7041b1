using PmfBot.Cards.Updates;

namespace PmfBot.Cards.Payloads;

/// <summary>
/// What the prompt card's Submit sends back: its button's measure and period, with the card's
/// inputs (figure, commentary, action note) merged in by Teams. Nothing in it is trusted yet.
/// </summary>
public sealed record SubmitUpdateData(
    string? Measure,
    string? Period,
    string? Value,
    string? Commentary,
    string? ActionNote
)
{
    /// <summary>Reads it from a pressed button's fields.</summary>
    /// <param name="field">Reads one field of the pressed button's data as text (numbers as their JSON text).</param>
    public static SubmitUpdateData Read(Func<string, string?> field)
    {
        var (measure, period) = MeasurePeriodData.Read(field);
        return new SubmitUpdateData(
            measure,
            period,
            field(UpdatePromptCard.ValueInput),
            field(UpdatePromptCard.CommentaryInput),
            field(UpdatePromptCard.ActionNoteInput)
        );
    }

    /// <summary>
    /// The data for a button that submits an entry already typed (the "which measure is this for?"
    /// list): one press records it.
    /// </summary>
    public IReadOnlyDictionary<string, string> ToData() =>
        new Dictionary<string, string>
        {
            [MeasurePeriodData.MeasureKey] = Measure ?? string.Empty,
            [MeasurePeriodData.PeriodKey] = Period ?? string.Empty,
            [UpdatePromptCard.ValueInput] = Value ?? string.Empty,
            [UpdatePromptCard.CommentaryInput] = Commentary ?? string.Empty,
            [UpdatePromptCard.ActionNoteInput] = ActionNote ?? string.Empty,
        };
}
