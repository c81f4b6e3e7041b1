using PmfBot.Domain.Calendar;
using PmfBot.Domain.Digests;

namespace PmfBot.Domain.Tests.Digests;

public class DigestScheduleTests
{
    private static DateTimeOffset Uk(int year, int month, int day, int hour, int minute = 0) => UkTime.At(new DateOnly(year, month, day), new TimeOnly(hour, minute));

    [Fact]
    public void MondayNineIsNineUkTime_OnBothSidesOfTheClocksGoingBack()
    {
        // BST ends on Sunday 25 October 2026: the Monday before is 08:00 UTC, the Monday after 09:00 UTC.
        var before = DigestSchedule.Default.NextAfter(Uk(2026, 10, 15, 12));
        var after = DigestSchedule.Default.NextAfter(before);

        Assert.Equal(new DateTimeOffset(2026, 10, 19, 8, 0, 0, TimeSpan.Zero), before.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 9, 0, 0, TimeSpan.Zero), after.ToUniversalTime());
        Assert.Equal(TimeSpan.FromHours(169), after - before); // a week and the hour given back
    }

    [Fact]
    public void MondayNineIsNineUkTime_OnBothSidesOfTheClocksGoingForward()
    {
        // BST starts on Sunday 28 March 2027.
        var before = DigestSchedule.Default.NextAfter(Uk(2027, 3, 20, 12));
        var after = DigestSchedule.Default.NextAfter(before);

        Assert.Equal(new DateTimeOffset(2027, 3, 22, 9, 0, 0, TimeSpan.Zero), before.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2027, 3, 29, 8, 0, 0, TimeSpan.Zero), after.ToUniversalTime());
    }

    [Fact]
    public void ASundayPostingInTheSpringGap_MovesOnAnHour()
    {
        var schedule = new DigestSchedule(DayOfWeek.Sunday, new TimeOnly(1, 30));

        var at = schedule.NextAfter(Uk(2027, 3, 27, 12));

        Assert.Equal(new DateTimeOffset(2027, 3, 28, 1, 30, 0, TimeSpan.Zero), at.ToUniversalTime()); // 02:30 BST
    }

    [Fact]
    public void TheLatestPosting_IsTheOneAtOrBeforeNow()
    {
        var monday = Uk(2026, 11, 23, 9);

        Assert.Equal(monday, DigestSchedule.Default.LatestAtOrBefore(monday));
        Assert.Equal(monday.AddDays(-7), DigestSchedule.Default.LatestAtOrBefore(monday.AddMinutes(-1)));
        Assert.Equal(monday, DigestSchedule.Default.LatestAtOrBefore(Uk(2026, 11, 29, 23, 59)));
    }

    [Fact]
    public void TheWeek_IsTheIsoWeekOfTheUkDate()
    {
        Assert.Equal("2026-W48", DigestSchedule.WeekOf(Uk(2026, 11, 23, 9)));
        Assert.Equal("2026-W53", DigestSchedule.WeekOf(Uk(2026, 12, 28, 9)));
        Assert.Equal("2027-W01", DigestSchedule.WeekOf(Uk(2027, 1, 4, 0, 30))); // 00:30 UK on 4 Jan, still 3 Jan nowhere
    }

    [Theory]
    [InlineData("weekly", null, null)]
    [InlineData("", null, null)]
    [InlineData("Mondays 9:00", DayOfWeek.Monday, "09:00")]
    [InlineData("on Friday at 4pm", DayOfWeek.Friday, "16:00")]
    [InlineData("tue 08:30", DayOfWeek.Tuesday, "08:30")]
    [InlineData("Wednesdays at 9", DayOfWeek.Wednesday, "09:00")]
    [InlineData("thursday", DayOfWeek.Thursday, "09:00")]
    [InlineData("at 12.15", DayOfWeek.Monday, "12:15")]
    [InlineData("12am", DayOfWeek.Monday, "00:00")]
    public void ReadsSchedulesAsPeopleTypeThem(string text, DayOfWeek? day, string? time)
    {
        Assert.True(DigestSchedule.TryParse(text, out var schedule, out var problem));
        Assert.Null(problem);
        if (day is null)
        {
            Assert.Null(schedule);
        }
        else
        {
            Assert.Equal(new DigestSchedule(day.Value, TimeOnly.Parse(time!, System.Globalization.CultureInfo.InvariantCulture)), schedule);
        }
    }

    [Theory]
    [InlineData("Mondays 25:00")]
    [InlineData("Friday 13pm")]
    [InlineData("at 7")]
    public void SaysWhenATimeCantBeRead(string text)
    {
        Assert.False(DigestSchedule.TryParse(text, out _, out var problem));
        Assert.Contains("isn't a time I can read", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Place department Mondays 9:00", "Place department")]
    [InlineData("Waste weekly", "Waste")]
    [InlineData("Revenues & Benefits on Friday at 4pm", "Revenues & Benefits")]
    public void CutsTheScheduleOutOfAPhrase(string text, string rest) => Assert.Equal(rest, DigestSchedule.WithoutScheduleWords(text));

    [Fact]
    public void SaysItselfInWordsAndAsCron()
    {
        var schedule = new DigestSchedule(DayOfWeek.Friday, new TimeOnly(16, 30));

        Assert.Equal("Fridays at 16:30", schedule.ToString());
        Assert.Equal("0 30 16 ? * FRI", schedule.CronExpression);
    }
}
