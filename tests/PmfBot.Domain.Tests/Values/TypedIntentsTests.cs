using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Values;

namespace PmfBot.Domain.Tests.Values;

/// <summary>
/// The precedence table: which request a typed text is, when more than one reader could match.
/// Each row is what a person might type; the expected kind is what they meant.
/// </summary>
public class TypedIntentsTests
{
    private static readonly MeasureReference[] References =
        [.. new[] { "CS 02", "IG 01", "NI 192", "NI 195a" }.Select(MeasureReference.Parse)];

    private static readonly DateOnly Saturday = new(2026, 11, 7);

    [Theory]
    // A figure in the card hint's own form is a figure, whatever its commentary or action note says.
    [InlineData(
        "IG 01: 82.4 — complex requests piled up; action: two officers from Legal help clear the backlog until 18 December",
        "Figure")]
    [InlineData("CS 02: 73.7 — two advisers off sick; action: agency cover until Friday", "Figure")]
    [InlineData("73.7 — we need more time to recruit; action: temps until the new year", "Figure")]
    [InlineData("42.5", "Figure")]
    [InlineData("CS 02 - 73.7 extension of opening hours helped", "Figure")]
    [InlineData("NI 192: -5 — a bad month", "Figure")]
    // After a reference, anything figure-like is a figure, to be refused with its reason.
    [InlineData("CS 02: forty", "Figure")]
    [InlineData("CS 02: n/a", "Figure")]
    // A request for more time, even naming a measure.
    [InlineData("I need until Friday for NI 192 because two crews are off", "AskForMoreTime")]
    [InlineData("extension for CS 02 until 20 Nov — the telephony report is late", "AskForMoreTime")]
    [InlineData("CS 02 until Friday please, the system was down", "AskForMoreTime")]
    [InlineData("can I have till Monday for cs 02? the system was down", "AskForMoreTime")]
    // Command words at the start win over everything after them.
    [InlineData("change CS 02 to 74.1 because the calls were miscounted", "Correct")]
    [InlineData("correct CS 02 Oct 2026 to 74.1%: recount; action: temps until Monday", "Correct")]
    [InlineData("snooze CS 02 until Friday", "Snooze")]
    [InlineData("snooze until Monday", "Snooze")]
    [InlineData("delegate CS 02 to Fiona Grant until 30 Nov", "Delegate")]
    [InlineData("escalate CS 02: agency cover needed until March", "Escalate")]
    [InlineData("escalation history for CS 02", "Escalate")]
    public void WhatAPersonTyped_IsReadAsWhatTheyMeant(string text, string expected)
    {
        var intent = TypedIntents.Read(text, References, Saturday);

        Assert.NotNull(intent);
        Assert.Equal(expected, intent.GetType().Name);
    }

    [Theory]
    [InlineData("how is my service doing?")]
    [InlineData("what's due")]
    [InlineData("hello")]
    [InlineData("")]
    public void OtherText_IsNoneOfThese(string text) => Assert.Null(TypedIntents.Read(text, References, Saturday));

    [Fact]
    public void TheFigureWithAnUntilInItsActionNote_KeepsItAll()
    {
        var intent = TypedIntents.Read(
            "IG 01: 82.4 — complex requests piled up; "
                + "action: two officers from Legal help clear the backlog until 18 December",
            References,
            Saturday);

        var answer = Assert.IsType<TypedIntent.Figure>(intent).Answer;
        Assert.Equal(
            (MeasureReference.Parse("IG 01"), "82.4", "complex requests piled up",
                "two officers from Legal help clear the backlog until 18 December"),
            (answer.Measure, answer.Figure, answer.Commentary, answer.ActionNote));
    }
}
