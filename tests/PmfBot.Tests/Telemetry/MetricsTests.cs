using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using PmfBot.Domain.Calendar;
using PmfBot.Telemetry;
using PmfBot.Tests.Escalations;

namespace PmfBot.Tests.Telemetry;

/// <summary>
/// The update cycle's metrics, read from the host's own meter factory (so parallel hosts never
/// mix): what the due scan sent, what is overdue, figures answered, escalations raised and decided.
/// </summary>
public class MetricsTests : EscalationHost
{
    private MetricCollector<T> Collect<T>(string instrument)
        where T : struct => new(App.Services.GetRequiredService<IMeterFactory>(), PmfMetrics.MeterName, instrument);

    private static long Sum(MetricCollector<long> collector, params (string Tag, string Value)[] tags) =>
        collector.GetMeasurementSnapshot().Where(m => tags.All(t => Equals(m.Tags[t.Tag], t.Value))).Sum(m => m.Value);

    [Fact]
    public async Task DueScan_CountsThePromptsItDelivered_ByKind_AndNothingTheSecondTime()
    {
        using var sent = Collect<long>("pmfbot.prompts.sent");
        await InstallAsync(); // only Priya can be reached: the others wait for install and are not counted

        await Scan.RunAsync(default);

        // As of Saturday 7 November: October's figures for CS 01, CS 02 and IG 01 (prompted, due on the 10th); HR 01's Q2 overdue; her activity's Q2 report overdue.
        Assert.Equal(3, Sum(sent, ("pmfbot.prompt.subject", "measure"), ("pmfbot.prompt.kind", "prompt")));
        Assert.Equal(1, Sum(sent, ("pmfbot.prompt.subject", "measure"), ("pmfbot.prompt.kind", "overdue")));
        Assert.Equal(1, Sum(sent, ("pmfbot.prompt.subject", "activity"), ("pmfbot.prompt.kind", "overdue")));
        Assert.Equal(5, Sum(sent));

        await Scan.RunAsync(default);
        Assert.Equal(5, Sum(sent));
    }

    [Fact]
    public async Task OverdueGauge_FallsWhenAnOverdueFigureArrives_AndRisesWhenDeadlinesPass()
    {
        using var overdue = Collect<int>("pmfbot.updates.overdue");
        await InstallAsync();
        await Scan.RunAsync(default);
        var before = overdue.LastMeasurement!.Value;
        Assert.True(before >= 1, $"HR 01's Q2 update is overdue on 7 November, but the gauge says {before}.");

        await PressAsync("submitUpdate", new { verb = "submitUpdate", measure = "HR 01", period = "FY2026-Q2", value = "8.4", commentary = "Back on track after the winter peak." });
        await Scan.RunAsync(default);
        Assert.Equal(before - 1, overdue.LastMeasurement!.Value);

        // Wednesday 11 November: October's figures, due on the 10th, are late (Priya's three among them).
        MoveTo("2026-11-11");
        await Scan.RunAsync(default);
        Assert.True(overdue.LastMeasurement!.Value >= before - 1 + 3, $"Was {before - 1}, now {overdue.LastMeasurement.Value}.");
    }

    [Fact]
    public async Task AnsweredFigures_AreCountedOnceEach_WithTheirTimelinessAndStatus()
    {
        using var answered = Collect<long>("pmfbot.updates.answered");
        await InstallAsync();

        await RecordRedAsync(); // CS 02, October: due on the 10th, so on time
        await RecordRedAsync(); // the same again: already recorded, not counted twice
        await PressAsync("submitUpdate", new { verb = "submitUpdate", measure = "HR 01", period = "FY2026-Q2", value = "8.4", commentary = "Back on track after the winter peak." });

        Assert.Equal(1, Sum(answered, ("pmfbot.update.timeliness", "on_time"), ("pmfbot.update.status", "red")));
        Assert.Equal(1, Sum(answered, ("pmfbot.update.timeliness", "late")));
        Assert.Equal(2, Sum(answered));
    }

    [Fact]
    public async Task Escalations_AreCountedWhenRaisedAndWhenDecided()
    {
        using var raised = Collect<long>("pmfbot.escalations.raised");
        using var decided = Collect<long>("pmfbot.escalations.decided");
        await InstallAsync();

        await RecordRedAsync();
        await PressAsync("decideEscalation", Decision("approve", "Agreed: agency cover until January.", "2027-01-15"));
        await PressAsync("decideEscalation", Decision("stop", "A second press changes nothing."));

        Assert.Equal(1, Sum(raised, ("pmfbot.escalation.trigger", "red")));
        Assert.Equal(1, Sum(decided, ("pmfbot.decision.kind", "approve_action")));
        Assert.Equal(1, Sum(decided));
    }
}
