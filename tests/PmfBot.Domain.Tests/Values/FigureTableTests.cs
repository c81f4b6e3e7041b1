using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Values;
using PmfBot.Testing.Figures;

namespace PmfBot.Domain.Tests.Values;

/// <summary>
/// Every row of figures.txt through both ways a figure arrives: as the card sends it (the reader
/// alone), and typed in the chat after a measure's reference and before commentary, where the
/// typed grammar must hand the reader exactly what was typed — never a shorter figure, never one
/// without its sign.
/// </summary>
public class FigureTableTests
{
    private static readonly MeasureReference Named = MeasureReference.Parse("XX 01");

    public static IEnumerable<object[]> Rows => FigureTable.AsData();

    [Theory]
    [MemberData(nameof(Rows))]
    public void AsTheCardSendsIt(FigureRow row) =>
        AssertGives(row, ValueReader.Read(row.Typed, row.MeasureUnit, row.Decimals));

    [Theory]
    [MemberData(nameof(Rows))]
    public void TypedAfterTheReference_TheFigureIsReadWhole(FigureRow row)
    {
        var typed = TypedAnswer.Parse($"XX 01: {row.Typed} — the contractor's report was late", [Named]);

        if (typed is null)
        {
            // Not taken for an update at all (nothing figure-like after the reference): only for refusals.
            Assert.Null(row.Value);
            return;
        }

        Assert.Equal(Named, typed.Measure);
        Assert.Equal("the contractor's report was late", typed.Commentary);
        AssertGives(row, ValueReader.Read(typed.Figure, row.MeasureUnit, row.Decimals));
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void TypedAlone_IsReadWholeOrNotTakenForAFigure(FigureRow row)
    {
        var typed = TypedAnswer.Parse($"{row.Typed}; the contractor's report was late", [Named]);

        if (typed is null)
        {
            var startsLikeOne = ValueReader.StartsLikeFigure(row.Typed.Trim());
            Assert.True(row.Value is null || !startsLikeOne, "an accepted figure that starts like one is taken");
            return;
        }

        AssertGives(row, ValueReader.Read(typed.Figure, row.MeasureUnit, row.Decimals));
    }

    [Fact]
    public void TheTable_HasAtLeastSixtyFiguresForEachUnit()
    {
        foreach (var unit in FigureRow.Units.Keys)
        {
            Assert.True(FigureTable.Rows.Count(r => r.Unit == unit) >= 60, $"{unit} has fewer than 60 rows");
        }
    }

    private static void AssertGives(FigureRow row, ValueReading reading)
    {
        if (row.Value is { } value)
        {
            var accepted = Assert.IsType<ValueReading.Accepted>(reading);
            Assert.Equal((value, row.RoundedFrom), (accepted.Value, accepted.RoundedFrom));
            Assert.False(accepted.Value == 0 && decimal.IsNegative(accepted.Value), "minus nought is stored as nought");
        }
        else
        {
            var refused = Assert.IsType<ValueReading.Refused>(reading);
            Assert.Contains(row.Refusal!, refused.Reason, StringComparison.Ordinal);
        }
    }
}
