using PmfBot.Domain.Catalogue;

namespace PmfBot.Domain.Tests.PlanActivities;

/// <summary>Activities the tests share.</summary>
public static class TestActivities
{
    /// <summary>A housing system due by June 2027: its contract awarded, its data migration test due 30 September.
    /// </summary>
    public static readonly PlanActivity Housing = new()
    {
        Code = "housing-system",
        Title = "Replace the housing management system",
        ServiceCode = "housing",
        Owner = TestMeasures.Owner,
        DueDate = new DateOnly(2027, 6, 30),
        Status = PlanActivityStatus.OnTrack,
        Milestones =
        [
            new Milestone("Contract awarded", new DateOnly(2026, 4, 30), PlanActivityStatus.Completed),
            new Milestone("Data migration tested", new DateOnly(2026, 9, 30), PlanActivityStatus.OnTrack),
            new Milestone("Go live", new DateOnly(2027, 6, 30), PlanActivityStatus.NotStarted),
        ],
    };
}
