using PmfBot.Domain.Calendar;
using PmfBot.Domain.Results;
using PmfBot.Domain.Status;

namespace PmfBot.Domain.Tests.Results;

public class CorrectionTests
{
    private static readonly ReportingPeriod Q2 = ReportingPeriod.Parse("Q2 2026/27");

    [Fact]
    public void Record_SnapshotsTheJudgement_SoALaterTargetChangeDoesNotRecolourIt()
    {
        var measure = TestMeasures.Make();
        var judgement = StatusRules.Judge(measure, Q2, 48, 47, null, StatusPolicy.Default);
        var result = MeasureResult.Record(measure, Q2, 48, "  Contamination up ", "Leaflet drop", judgement, TestMeasures.Owner, DateTimeOffset.Parse("2026-10-05T09:00Z"));

        var retargeted = measure with { Targets = Domain.Catalogue.TargetSchedule.Of(40) };
        Assert.Equal(RagStatus.Green, StatusRules.Judge(retargeted, Q2, 48, 47, null, StatusPolicy.Default).Rag);

        Assert.Equal(RagStatus.Amber, result.Rag);
        Assert.Equal(50, result.Thresholds!.Target);
        Assert.Equal("Contamination up", result.Commentary);
        Assert.Equal(1, result.Version);
        Assert.Equal(DirectionOfTravel.Better, result.VsPrevious);
    }

    [Fact]
    public void Apply_KeepsOldAndNewWithWhoWhenAndWhy()
    {
        var measure = TestMeasures.Make();
        var judgement = StatusRules.Judge(measure, Q2, 48, null, null, StatusPolicy.Default);
        var original = MeasureResult.Record(measure, Q2, 48, "First", "Act", judgement, TestMeasures.Owner, DateTimeOffset.Parse("2026-10-05T09:00Z"));
        var newJudgement = StatusRules.Judge(measure, Q2, 51, null, null, StatusPolicy.Default);

        var (corrected, audit) = Correction.Apply(original, measure, 51, "Late tonnage added", null, newJudgement, TestMeasures.Chief, DateTimeOffset.Parse("2026-10-20T09:00Z"), " Contractor's late return ");

        Assert.Equal(2, corrected.Version);
        Assert.Equal(RagStatus.Green, corrected.Rag);
        Assert.Equal(new AuditEntry(measure.Reference, Q2, 2, AuditAction.Corrected, TestMeasures.Chief, DateTimeOffset.Parse("2026-10-20T09:00Z"),
            48, 51, "First", "Late tonnage added", "Act", null, "Contractor's late return"), audit);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Apply_WithoutAReason_IsRefused(string? reason)
    {
        var measure = TestMeasures.Make();
        var judgement = StatusRules.Judge(measure, Q2, 48, null, null, StatusPolicy.Default);
        var original = MeasureResult.Record(measure, Q2, 48, "c", "a", judgement, TestMeasures.Owner, DateTimeOffset.UnixEpoch);
        Assert.NotNull(Correction.ProblemWithReason(reason));
        Assert.Throws<ArgumentException>(() => Correction.Apply(original, measure, 50, "c", null, judgement, TestMeasures.Owner, DateTimeOffset.UnixEpoch, reason!));
    }
}
