using PmfBot.Domain.Calendar;

namespace PmfBot.Domain.Tests.Calendar;

public class UkTimeTests
{
    [Theory]
    [InlineData("2026-10-10T22:59:59Z", "2026-10-10")] // BST: 23:59 local
    [InlineData("2026-10-10T23:00:00Z", "2026-10-11")] // BST: midnight local, already the 11th
    [InlineData("2027-01-10T23:30:00Z", "2027-01-10")] // GMT: 23:30 local, still the 10th
    public void DateAt_UsesUkLocalTime(string instant, string date) =>
        Assert.Equal(DateOnly.Parse(date), UkTime.DateAt(DateTimeOffset.Parse(instant)));

    [Theory]
    [InlineData("2026-07-01", "09:00", "2026-07-01T08:00:00Z")]
    [InlineData("2026-12-01", "09:00", "2026-12-01T09:00:00Z")]
    [InlineData("2026-03-29", "01:30", "2026-03-29T01:30:00Z")] // in the spring gap: moved to 02:30 BST = 01:30 UTC
    [InlineData("2026-10-25", "01:30", "2026-10-25T00:30:00Z")] // in the autumn overlap: the first (BST) one
    public void At_LocalTime_GivesTheInstant(string date, string time, string instant) =>
        Assert.Equal(DateTimeOffset.Parse(instant), UkTime.At(DateOnly.Parse(date), TimeOnly.Parse(time)));
}
