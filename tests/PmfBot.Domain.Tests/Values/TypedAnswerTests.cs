using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Values;

namespace PmfBot.Domain.Tests.Values;

public class TypedAnswerTests
{
    private static readonly MeasureReference[] Mine = [MeasureReference.Parse("CS 01"), MeasureReference.Parse("CS 02"), MeasureReference.Parse("NI 192")];

    [Theory]
    [InlineData("42.5 — two crews off sick; action: agency cover from Monday", "42.5", "two crews off sick", "agency cover from Monday")]
    [InlineData("42.5 - two crews off sick. Action: agency cover", "42.5", "two crews off sick.", "agency cover")]
    [InlineData("42.5% two crews off sick", "42.5%", "two crews off sick", null)]
    [InlineData("42.5", "42.5", null, null)]
    [InlineData("  91.4%  ", "91.4%", null, null)]
    [InlineData("18 days — backlog after the system change", "18 days", "backlog after the system change", null)]
    [InlineData("18 working days; backlog", "18 working days", "backlog", null)]
    [InlineData("1,234, more than we hoped", "1,234", "more than we hoped", null)]
    [InlineData("£12,500: overspend on agency", "£12,500", "overspend on agency", null)]
    [InlineData("42 because two crews were off", "42", "because two crews were off", null)]
    [InlineData("42,5 — typo'd comma", "42,5", "typo'd comma", null)] // the reader refuses it with the fix
    [InlineData("73.7 calls backed up; Action Note: two temps start Monday", "73.7", "calls backed up", "two temps start Monday")]
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
    [InlineData("help")]
    [InlineData("my measures")]
    [InlineData("change Q2 recycling to 48.1")]
    [InlineData("2fa reset please")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("CS 03 42")] // not one of the person's measures: not read as a reference
    public void Parse_TextThatIsNotAnUpdate_IsNull(string? text) => Assert.Null(TypedAnswer.Parse(text, Mine));
}
