using PmfBot.Domain.Calendar;

namespace PmfBot.Domain.Tests.Calendar;

public class DayWordsTests
{
    private static readonly DateOnly Saturday7Nov = new(2026, 11, 7);

    [Theory]
    [InlineData("Friday", "2026-11-13")]
    [InlineData("fri", "2026-11-13")]
    [InlineData("next Monday", "2026-11-09")]
    [InlineData("by Monday.", "2026-11-09")]
    [InlineData("Saturday", "2026-11-14")] // today is Saturday: "Saturday" means next week's
    [InlineData("tomorrow", "2026-11-08")]
    [InlineData("next week", "2026-11-09")]
    [InlineData("20 Nov", "2026-11-20")]
    [InlineData("20th November", "2026-11-20")]
    [InlineData("the 20th of November", null)] // not a form people type often enough to guess at
    [InlineData("Friday 20 November", "2026-11-20")]
    [InlineData("20/11", "2026-11-20")]
    [InlineData("20/11/2026", "2026-11-20")]
    [InlineData("2026-11-20", "2026-11-20")]
    [InlineData("5 Jan", "2027-01-05")] // already passed this year: next year's
    [InlineData("November 20", "2026-11-20")]
    [InlineData("someday", null)]
    [InlineData("", null)]
    [InlineData("31 Nov", null)]
    public void TryRead_ReadsForwardFromToday(string words, string? expected)
    {
        var read = DayWords.TryRead(words, Saturday7Nov, out var date);

        Assert.Equal(expected is not null, read);
        if (expected is not null)
        {
            Assert.Equal(DateOnly.Parse(expected), date);
        }
    }
}
