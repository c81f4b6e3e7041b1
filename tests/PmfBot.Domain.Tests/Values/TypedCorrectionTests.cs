using PmfBot.Domain.Values;

namespace PmfBot.Domain.Tests.Values;

public class TypedCorrectionTests
{
    [Theory]
    [InlineData("change CS 02 to 74.1 because the calls were miscounted", "CS 02", "74.1", "the calls were miscounted", null)]
    [InlineData("Change Q2 recycling to 48.1 — the contractor's tonnage came late", "Q2 recycling", "48.1", "the contractor's tonnage came late", null)]
    [InlineData("correct CS 02 Oct 2026 to 74.1%: recount; action: temps from Monday", "CS 02 Oct 2026", "74.1%", "recount", "temps from Monday")]
    [InlineData("change CS 02 to 74.1", "CS 02", "74.1", null, null)]
    [InlineData("change RB 02 to -5 because the backlog was cleared", "RB 02", "-5", "the backlog was cleared", null)]
    [InlineData("change LE 01 to 50;DROP TABLE because recount", "LE 01", "50;DROP TABLE", "recount", null)]
    [InlineData("change CS 02 to 12 345 because recount", "CS 02", "12 345", "recount", null)]
    [InlineData("change CS 02 to forty because recount", "CS 02", "forty", "recount", null)]
    [InlineData("change CS 02 to 74.1 because \u200B; action: \u200B", "CS 02", "74.1", null, null)]
    public void Parse_ReadsSubjectFigureReasonAndActionNote(string text, string subject, string figure, string? reason, string? actionNote)
    {
        var correction = TypedCorrection.Parse(text);

        Assert.Equal(new TypedCorrection(subject, figure, reason, actionNote), correction);
    }

    [Theory]
    [InlineData("change my password")]
    [InlineData("42.5 — fine")]
    [InlineData("change CS 02 to next week")]
    [InlineData(null)]
    public void Parse_OtherText_IsNull(string? text) => Assert.Null(TypedCorrection.Parse(text));
}
