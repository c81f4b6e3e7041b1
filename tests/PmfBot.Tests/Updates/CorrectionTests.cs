using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Results;
using PmfBot.Storage.Results;

namespace PmfBot.Tests.Updates;

/// <summary>Revising a figure while its period is open: history kept (who, when, old, new, why), status judged afresh.</summary>
public class CorrectionTests : UpdateCycleHost
{
    private static readonly MeasureReference Cs02 = MeasureReference.Parse("CS 02");
    private static readonly ReportingPeriod October = ReportingPeriod.Parse("FY2026-M07");

    private ResultStore Results => new(Storage.Tables);

    private string LastText() => Connector.CallsTo(PriyasChat)[^1].Body!.Value.GetProperty("text").GetString()!;

    private async Task RecordOctoberAsync() =>
        await PressAsync("submitUpdate", new { verb = "submitUpdate", measure = "CS 02", period = "FY2026-M07", value = "85", commentary = "A better month." });

    [Fact]
    public async Task ACorrection_KeepsTheEarlierFigure_AndJudgesAfresh()
    {
        await RecordOctoberAsync();

        await PostAsync(Personal("message", "change CS 02 to 74.1 because the September calls were counted twice; action: two temporary advisers from Monday"));

        Assert.Contains(CardsPostedTo(), c => c.Contains("Corrected from 85.0% to 74.1% (version 2)", StringComparison.Ordinal));
        var stored = await Results.GetAsync(Cs02, October, default);
        Assert.Equal((74.1m, 2, "two temporary advisers from Monday"), (stored!.Value, stored.Version, stored.ActionNote));
        Assert.Equal(Domain.Status.RagStatus.Red, stored.Rag);
        var trail = await Results.GetAuditTrailAsync(Cs02, October, default);
        Assert.Equal([AuditAction.Recorded, AuditAction.Corrected], trail.Select(a => a.Action));
        Assert.Equal((85m, 74.1m, "the September calls were counted twice"), (trail[1].OldValue!.Value, trail[1].NewValue, trail[1].Reason));
    }

    [Fact]
    public async Task ACorrectionWithoutAReason_IsRefused_AndNothingChanges()
    {
        await RecordOctoberAsync();

        await PostAsync(Personal("message", "change CS 02 to 74.1"));

        Assert.Contains("A correction needs a reason", LastText(), StringComparison.Ordinal);
        Assert.Equal(85m, (await Results.GetAsync(Cs02, October, default))!.Value);
    }

    [Fact]
    public async Task ACorrectionNowOffTarget_WithoutAnActionNote_IsRefused()
    {
        await RecordOctoberAsync();

        await PostAsync(Personal("message", "change CS 02 to 74.1 because of a recount"));

        Assert.Contains("Below target (80.0%): an action note is required.", LastText(), StringComparison.Ordinal);
        Assert.Equal(1, (await Results.GetAsync(Cs02, October, default))!.Version);
    }

    [Fact]
    public async Task AMeasureNamedByItsTitle_AndAClosedPeriod()
    {
        await PostAsync(Personal("message", "change complaints to 92 because two late replies were miscounted"));
        Assert.Contains("Corrected from", CardsPostedTo()[^1], StringComparison.Ordinal);
        Assert.Contains("for Sep 2026", CardsPostedTo()[^1], StringComparison.Ordinal); // October is not recorded yet: September is the latest open

        await PostAsync(Personal("message", "change CS 02 Oct 2025 to 80 because of a recount"));
        Assert.Contains("is closed", LastText(), StringComparison.Ordinal);
    }
}
