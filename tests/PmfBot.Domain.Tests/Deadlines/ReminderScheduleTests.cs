using PmfBot.Domain.Calendar;
using PmfBot.Domain.Deadlines;

namespace PmfBot.Domain.Tests.Deadlines;

public class ReminderScheduleTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.England;

    private static string Describe(IEnumerable<ScheduledReminder> plan) =>
        string.Join(", ", plan.Select(s => $"{s.Step.Key}@{s.Date:yyyy-MM-dd}"));

    [Fact]
    public void Plan_Default_Q3DeadlineOnAWorkingDay()
    {
        // Q3 2026/27 ends Thu 31 Dec; prompt Fri 1 Jan is a bank holiday → Mon 4 Jan.
        // Deadline Sun 10 Jan 2027: "3 days before" Thu 7 Jan; "on the day" Sun → Mon 11 Jan,
        // which is also "1 day overdue": the later step (overdue-1) wins.
        var plan = ReminderSchedule.Default.Plan(ReportingPeriod.Parse("Q3 2026/27"), new Deadline(new DateOnly(2027, 1, 10), null), Calendar);
        Assert.Equal("prompt@2027-01-04, reminder-3@2027-01-07, overdue-1@2027-01-11, overdue-5@2027-01-15", Describe(plan));
    }

    [Fact]
    public void Plan_Default_MidweekDeadline_AllStepsKept()
    {
        // Q2 2025/26: deadline Fri 10 Oct 2025.
        var plan = ReminderSchedule.Default.Plan(ReportingPeriod.Parse("Q2 2025/26"), new Deadline(new DateOnly(2025, 10, 10), null), Calendar);
        Assert.Equal("prompt@2025-10-01, reminder-3@2025-10-07, due-today@2025-10-10, overdue-1@2025-10-13, overdue-5@2025-10-15", Describe(plan));
    }

    [Fact]
    public void Plan_CalendarDays_NoRolling()
    {
        var schedule = ReminderSchedule.Default with { WorkingDaysOnly = false };
        var plan = schedule.Plan(ReportingPeriod.Parse("Q3 2026/27"), new Deadline(new DateOnly(2027, 1, 10), null), Calendar);
        Assert.Equal("prompt@2027-01-01, reminder-3@2027-01-07, due-today@2027-01-10, overdue-1@2027-01-11, overdue-5@2027-01-15", Describe(plan));
    }

    [Fact]
    public void Plan_ExtendedDeadline_MovesRemindersWithIt()
    {
        var plan = ReminderSchedule.Default.Plan(ReportingPeriod.Parse("Q2 2025/26"), new Deadline(new DateOnly(2025, 10, 24), new DateOnly(2025, 10, 10)), Calendar);
        Assert.Equal("prompt@2025-10-01, reminder-3@2025-10-21, due-today@2025-10-24, overdue-1@2025-10-27, overdue-5@2025-10-29", Describe(plan));
        // Claimed apart from the old deadline's steps, bar the prompt, which is the period's.
        Assert.Equal(
            ["prompt", "reminder-3@2025-10-24", "due-today@2025-10-24", "overdue-1@2025-10-24", "overdue-5@2025-10-24"],
            plan.Select(s => s.Key));
        Assert.All(plan, s => Assert.True(ReminderOffset.IsKey(s.Key)));
    }

    [Fact]
    public void Plan_DeadlineSoonAfterPeriodEnd_DropsRemindersOnOrBeforeThePrompt()
    {
        // Period ends Tue 30 Jun 2026; deadline Thu 2 Jul: "3 days before" would be 29 Jun, before the prompt.
        var plan = ReminderSchedule.Default.Plan(ReportingPeriod.Parse("Q1 2026/27"), new Deadline(new DateOnly(2026, 7, 2), null), Calendar);
        Assert.Equal("prompt@2026-07-01, due-today@2026-07-02, overdue-1@2026-07-03, overdue-5@2026-07-07", Describe(plan));
    }

    [Fact]
    public void Plan_SendAt_IsNineInTheMorningUkTimeAcrossBst()
    {
        var plan = ReminderSchedule.Default.Plan(ReportingPeriod.Parse("Q2 2025/26"), new Deadline(new DateOnly(2025, 10, 10), null), Calendar);
        Assert.Equal(DateTimeOffset.Parse("2025-10-01T08:00:00Z"), plan[0].SendAt); // BST
        var winter = ReminderSchedule.Default.Plan(ReportingPeriod.Parse("Q3 2025/26"), new Deadline(new DateOnly(2026, 1, 10), null), Calendar);
        Assert.Equal(DateTimeOffset.Parse("2026-01-02T09:00:00Z"), winter[0].SendAt); // GMT
    }

    [Theory]
    [InlineData("2025-09-30T12:00:00Z", null)]           // period not over
    [InlineData("2025-10-01T07:59:59Z", null)]           // prompt day, before 09:00 BST
    [InlineData("2025-10-01T08:00:00Z", "prompt")]
    [InlineData("2025-10-08T08:00:00Z", "reminder-3")]
    [InlineData("2025-10-14T08:00:00Z", "overdue-1")]    // missed due-today is superseded, not sent late
    [InlineData("2025-12-01T08:00:00Z", "overdue-5")]
    public void StepDueAt_IsTheLatestStepWhoseTimeHasCome(string now, string? key)
    {
        var plan = ReminderSchedule.Default.Plan(ReportingPeriod.Parse("Q2 2025/26"), new Deadline(new DateOnly(2025, 10, 10), null), Calendar);
        Assert.Equal(key, ReminderSchedule.StepDueAt(plan, DateTimeOffset.Parse(now))?.Key);
    }
}
