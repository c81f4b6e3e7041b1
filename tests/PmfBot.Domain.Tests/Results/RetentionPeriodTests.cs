using PmfBot.Domain.Results;

namespace PmfBot.Domain.Tests.Results;

public class RetentionPeriodTests
{
    [Theory]
    [InlineData(6, "2026-11-23T10:00:00Z", "2020-03-31T23:00:00Z")] // 2026/27: entries from 2019/20 and before have had their six years (1 April is BST)
    [InlineData(6, "2026-03-31T22:59:00Z", "2019-03-31T23:00:00Z")] // 23:59 on 31 March UK time: still 2025/26
    [InlineData(6, "2026-03-31T23:00:00Z", "2020-03-31T23:00:00Z")] // midnight UK time: 2026/27 has begun
    [InlineData(1, "2027-01-15T12:00:00Z", "2025-03-31T23:00:00Z")] // "current year + 1": 2024/25's entries go in 2026/27
    public void DeleteBefore_IsTheFirstOfAprilAfterTheLastYearKept(int years, string now, string before) =>
        Assert.Equal(DateTimeOffset.Parse(before, System.Globalization.CultureInfo.InvariantCulture),
            new RetentionPeriod(years).DeleteBefore(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void AnEntryIsNeverDeletedInTheYearItWasMade() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetentionPeriod(0));
}
