using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.PlanActivities;

namespace PmfBot.Domain.Tests.PlanActivities;

public class PlanActivityReviewTests
{
    private static readonly PlanActivity FoodWaste = new()
    {
        Code = "food-waste-rollout",
        Title = "Roll out food waste collections",
        ServiceCode = "waste",
        Owner = TestMeasures.Owner,
        DueDate = new DateOnly(2027, 3, 31),
    };

    private static readonly ReportingPeriod Q2 = ReportingPeriod.Parse("FY2026-Q2");

    private static DateTimeOffset At(int month, int day, int hour = 9) =>
        UkTime.At(new DateOnly(2026, month, day), new TimeOnly(hour, 0));

    private static PlanActivityProgress Report(ReportingPeriod period, PlanActivityStatus status) =>
        new(FoodWaste.Code, period, status, null, "c", null, TestMeasures.Owner, DateTimeOffset.UnixEpoch);

    [Fact]
    public void TheQuarterJustEnded_IsOwed_ByTheQuarterlyDeadline()
    {
        var review = PlanActivityReviews.OwedAt(FoodWaste, [], At(10, 1), UpdateCyclePolicy.Default);

        Assert.NotNull(review);
        // the 10th of the month after the quarter
        Assert.Equal((Q2, new DateOnly(2026, 10, 10)), (review.Period, review.Deadline.Date));
        Assert.Equal(PromptKind.Prompt, review.Step!.Kind);
    }

    [Fact]
    public void Answered_Closed_OrCompletedEarlier_OwesNothing()
    {
        Assert.Null(
            PlanActivityReviews.OwedAt(
                FoodWaste,
                [Report(Q2, PlanActivityStatus.OnTrack)],
                At(10, 1),
                UpdateCyclePolicy.Default
            )
        );
        Assert.Null(
            PlanActivityReviews.OwedAt(
                FoodWaste with
                {
                    Status = PlanActivityStatus.Stopped,
                },
                [],
                At(10, 1),
                UpdateCyclePolicy.Default
            )
        );
        Assert.Null(
            PlanActivityReviews.OwedAt(
                FoodWaste,
                [Report(Q2.Previous, PlanActivityStatus.Completed)],
                At(10, 1),
                UpdateCyclePolicy.Default
            )
        );
    }

    [Theory]
    [InlineData("OnTrack", null, "Went well.", null, false)]
    [InlineData("AtRisk", "40", "Vehicles late.", null, true)]
    [InlineData("AtRisk", "40", "Vehicles late.", "Hire two vans.", false)]
    [InlineData("OffTrack", null, "Stalled.", " ", true)]
    [InlineData("OnTrack", "140", "Fine.", null, true)]
    [InlineData("OnTrack", "sixty", "Fine.", null, true)]
    [InlineData("OnTrack", "60%", "Fine.", null, false)]
    [InlineData("OnTrack", null, "  ", null, true)]
    [InlineData(null, null, "Fine.", null, true)]
    [InlineData("Stopped", null, "Fine.", null, true)] // the escalation owner's call, not the owner's
    public void ProblemsWith_RequiresStatusCommentary_AndAnActionNoteWhenSlipping(
        string? status,
        string? percent,
        string? commentary,
        string? actionNote,
        bool refused
    )
    {
        PlanActivityStatus? parsed = status is null ? null : Enum.Parse<PlanActivityStatus>(status);

        Assert.Equal(refused, PlanActivityProgress.ProblemsWith(parsed, percent, commentary, actionNote).Any);
    }

    [Fact]
    public void Completed_Is100Percent() =>
        Assert.Equal(100, PlanActivityProgress.PercentFor(PlanActivityStatus.Completed, "80"));
}
