using PmfBot.Domain.Calendar;

namespace PmfBot.Domain.Tests.Calendar;

public class EnglishBankHolidaysTests
{
    // Published lists for England and Wales.
    [Theory]
    [InlineData(2022, "2022-01-03,2022-04-15,2022-04-18,2022-05-02,2022-06-02,2022-06-03,2022-08-29,2022-09-19,2022-12-26,2022-12-27")]
    [InlineData(2023, "2023-01-02,2023-04-07,2023-04-10,2023-05-01,2023-05-08,2023-05-29,2023-08-28,2023-12-25,2023-12-26")]
    [InlineData(2025, "2025-01-01,2025-04-18,2025-04-21,2025-05-05,2025-05-26,2025-08-25,2025-12-25,2025-12-26")]
    [InlineData(2026, "2026-01-01,2026-04-03,2026-04-06,2026-05-04,2026-05-25,2026-08-31,2026-12-25,2026-12-28")]
    [InlineData(2027, "2027-01-01,2027-03-26,2027-03-29,2027-05-03,2027-05-31,2027-08-30,2027-12-27,2027-12-28")]
    [InlineData(2020, "2020-01-01,2020-04-10,2020-04-13,2020-05-08,2020-05-25,2020-08-31,2020-12-25,2020-12-28")]
    public void In_Year_MatchesThePublishedList(int year, string expected) =>
        Assert.Equal(expected.Split(',').Select(DateOnly.Parse), EnglishBankHolidays.In(year));

    [Theory]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2038, "2038-04-25")]
    public void EasterSunday_IsRight(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), EnglishBankHolidays.EasterSunday(year));
}
