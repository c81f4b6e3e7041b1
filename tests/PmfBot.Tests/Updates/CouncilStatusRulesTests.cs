using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Storage.Results;

namespace PmfBot.Tests.Updates;

/// <summary>
/// A council sets its own status rules (Status:StableBand, Status:Commentary), and every
/// judgement follows them: here a 50% stable band and commentary only when off target.
/// Demo council, 7 November 2026: Priya owes October's CS 02 (target 80%, September 77.9%).
/// </summary>
public class CouncilStatusRulesTests : UpdateCycleHost
{
    protected override string[] MoreSettings => ["--Status:StableBand", "50%", "--Status:Commentary", "WhenOffTarget"];

    [Fact]
    public async Task AGreenFigureWithoutCommentary_IsRecorded_AndAMoveWithinTheBand_IsAboutTheSame()
    {
        var card = CardOf(await PressAsync("submitUpdate", new
        {
            verb = "submitUpdate", measure = "CS 02", period = "FY2026-M07", value = "85", commentary = string.Empty,
        }));

        Assert.Contains("Recorded: 85.0% for Oct 2026", card, StringComparison.Ordinal);
        Assert.Contains("about the same as Sep 2026", card, StringComparison.Ordinal);
        var stored = await new ResultStore(Storage.Tables).GetAsync(
            MeasureReference.Parse("CS 02"), ReportingPeriod.Parse("FY2026-M07"), default);
        Assert.Equal(Domain.Status.DirectionOfTravel.Stable, stored!.VsPrevious);
        Assert.Null(stored.Commentary);
    }
}
