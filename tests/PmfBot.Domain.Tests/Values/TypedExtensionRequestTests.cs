using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Values;

namespace PmfBot.Domain.Tests.Values;

public class TypedExtensionRequestTests
{
    private static readonly MeasureReference[] Known = [MeasureReference.Parse("CS 01"), MeasureReference.Parse("CS 02"), MeasureReference.Parse("NI 192"), MeasureReference.Parse("NI 195a")];
    private static readonly DateOnly Saturday7Nov = new(2026, 11, 7);

    [Theory]
    [InlineData("I need until Friday for NI 192 because two crews are off", "NI 192", "2026-11-13", "two crews are off")]
    [InlineData("extension for CS 02 until 20 Nov — the telephony report is late", "CS 02", "2026-11-20", "the telephony report is late")]
    [InlineData("can I have till Monday for cs 02? the system was down", "CS 02", "2026-11-09", "the system was down")]
    [InlineData("Could I have more time for NI 195a until 18/11 as the survey slipped.", "NI 195a", "2026-11-18", "the survey slipped")]
    [InlineData("I need until Friday", null, "2026-11-13", null)]
    [InlineData("extension please", null, null, null)]
    public void Parse_ReadsMeasureDayAndReason(string text, string? measure, string? day, string? reason)
    {
        var request = TypedExtensionRequest.Parse(text, Known, Saturday7Nov);

        Assert.NotNull(request);
        Assert.Equal(measure, request.Measure?.Value);
        Assert.Equal(day is null ? null : DateOnly.Parse(day), request.NewDeadline);
        Assert.Equal(reason, request.Reason);
    }

    [Fact]
    public void AnUnreadableDay_IsKeptAsTyped_SoTheBotCanSaySo()
    {
        var request = TypedExtensionRequest.Parse("I need until the cows come home for CS 02 because", Known, Saturday7Nov);

        Assert.NotNull(request);
        Assert.Null(request.NewDeadline);
        Assert.Equal("the cows come home", request.DateWords);
    }

    [Theory]
    [InlineData("42.5 — two crews off until Friday")] // a typed figure, not a request
    [InlineData("how is my service doing?")]
    [InlineData("my measures")]
    [InlineData("")]
    public void Parse_IgnoresWhatIsNotARequest(string text) =>
        Assert.Null(TypedExtensionRequest.Parse(text, Known, Saturday7Nov));
}
