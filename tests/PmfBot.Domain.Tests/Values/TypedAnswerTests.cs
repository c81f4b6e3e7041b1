using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Values;

namespace PmfBot.Domain.Tests.Values;

public class TypedAnswerTests
{
    private static readonly MeasureReference[] Mine =
        [.. new[] { "CS 01", "CS 02", "NI 192", "RB 01", "RB 02", "RB 03", "LE 01", "HS 03" }.Select(MeasureReference.Parse)];

    [Theory]
    [InlineData("42.5 — two crews off sick; action: agency cover from Monday", "42.5", "two crews off sick", "agency cover from Monday")]
    [InlineData("42.5 - two crews off sick. Action: agency cover", "42.5", "two crews off sick.", "agency cover")]
    [InlineData("42.5", "42.5", null, null)]
    [InlineData("  91.4%  ", "91.4%", null, null)]
    [InlineData("18 days — backlog after the system change", "18 days", "backlog after the system change", null)]
    [InlineData("18 working days; backlog", "18 working days", "backlog", null)]
    [InlineData("1,234, more than we hoped", "1,234", "more than we hoped", null)]
    [InlineData("£12,500: overspend on agency", "£12,500", "overspend on agency", null)]
    [InlineData("42,5 — typo'd comma", "42,5", "typo'd comma", null)] // the reader refuses it with the fix
    [InlineData("60 — improving; next steps: keep the weekend shift", "60", "improving", "keep the weekend shift")]
    public void Parse_SplitsFigureCommentaryAndActionNote(string text, string figure, string? commentary, string? actionNote)
    {
        var answer = TypedAnswer.Parse(text, Mine);

        Assert.NotNull(answer);
        Assert.Equal((figure, commentary, actionNote), (answer.Figure, answer.Commentary, answer.ActionNote));
        Assert.Null(answer.Measure);
    }

    [Theory]
    [InlineData("CS 02: 73.7 — queue times up", "CS 02", "73.7", "queue times up")]
    [InlineData("cs 02 73.7 — queue times up", "CS 02", "73.7", "queue times up")]
    [InlineData("NI 192 = 48.1", "NI 192", "48.1", null)]
    [InlineData("CS 01 - 91", "CS 01", "91", null)]
    public void Parse_ReadsAMeasureNamedFirst(string text, string reference, string figure, string? commentary)
    {
        var answer = TypedAnswer.Parse(text, Mine);

        Assert.Equal((MeasureReference.Parse(reference), figure, commentary), (answer!.Measure, answer.Figure, answer.Commentary));
    }

    [Theory]
    [InlineData("RB 02: -5 — figures held back; action: re-run the report", "RB 02", "-5", "figures held back", "re-run the report")]
    [InlineData("RB 02: −5 — figures held back", "RB 02", "−5", "figures held back", null)]
    [InlineData("RB 02 -5 — figures held back", "RB 02", "-5", "figures held back", null)]
    [InlineData("RB 02-5", "RB 02", "-5", null, null)]
    [InlineData("RB 02 - 5 — figures held back", "RB 02", "5", "figures held back", null)] // a dash with spaces is a separator
    [InlineData("LE 01: 50;DROP TABLE — visitors counted twice", "LE 01", "50;DROP TABLE", "visitors counted twice", null)]
    [InlineData("LE 01: 50abc", "LE 01", "50abc", null, null)]
    [InlineData("RB 03: forty — collection is slow", "RB 03", "forty", "collection is slow", null)]
    [InlineData("RB 01: n/a — system down", "RB 01", "n/a", "system down", null)]
    [InlineData("HS 03: 1e400 — voids", "HS 03", "1e400", "voids", null)]
    [InlineData("HS 03: Infinity", "HS 03", "Infinity", null, null)]
    [InlineData("CS 02: 85 — \u200B\u200B; action: \u200B", "CS 02", "85", null, null)] // zero-width spaces are not words
    [InlineData("CS 02: 12 345 — calls", "CS 02", "12 345", "calls", null)]
    [InlineData("CS 02: 42.5% two crews off sick", "CS 02", "42.5% two crews off sick", null, null)] // no separator: the reader refuses it whole
    [InlineData("CS 02: 42 because two crews were off", "CS 02", "42 because two crews were off", null, null)]
    [InlineData("CS 02: 73.7 calls backed up; Action Note: two temps", "CS 02", "73.7 calls backed up", null, "two temps")]
    [InlineData("CS 02: 85.", "CS 02", "85", null, null)]
    public void Parse_KeepsTheFigureWhole_AndItsSign(string text, string reference, string figure, string? commentary, string? actionNote)
    {
        var answer = TypedAnswer.Parse(text, Mine);

        Assert.NotNull(answer);
        Assert.Equal(
            (MeasureReference.Parse(reference), figure, commentary, actionNote), (answer.Measure, answer.Figure, answer.Commentary, answer.ActionNote));
    }

    [Theory]
    [InlineData("CS 02: how is it doing?")]
    [InlineData("CS 02 escalation history")]
    [InlineData("2fa reset please")]
    [InlineData("50abc")] // without a measure named, only a figure standing on its own opens an update
    [InlineData("forty — collection is slow")]
    [InlineData("help")]
    [InlineData("my measures")]
    [InlineData("change Q2 recycling to 48.1")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("CS 03 42")] // not one of the references given: not read as one
    public void Parse_TextThatIsNotAnUpdate_IsNull(string? text) => Assert.Null(TypedAnswer.Parse(text, Mine));
}
