using Microsoft.Extensions.DependencyInjection;
using PmfBot.Domain.People;
using PmfBot.Features.Demo;
using PmfBot.Features.People;
using PmfBot.Scheduling;
using PmfBot.Tests.Updates;

namespace PmfBot.Tests.People;

/// <summary>
/// Without Graph: the performance team (Helen Price) has not opened PmfBot when "person left" records Sam Taylor, so
/// she can't be told then; the leader's daily run tells her once she has.
/// </summary>
public sealed class UnfinishedDeparturesTests : UpdateCycleHost
{
    private const string HelensChat = "personal-chat-helen";

    protected override string[] MoreSettings => ["--Tab:PerformanceTeam:0", DemoPeople.HelenPrice.Id.Value];

    private IReadOnlyList<string> HelensLeaverNotices =>
        [.. PostedTexts(HelensChat).Where(t => t.Contains("has left**", StringComparison.Ordinal))];

    [Fact]
    public async Task ANoticeThatCouldNotBeSent_IsSentByTheNextRun_OnceTheyCanBeReached_AndOnlyOnce()
    {
        var departures = App.Services.GetRequiredService<Departures>();
        var followUp = App.Services.GetRequiredService<UnfinishedDepartures>();

        var sam = DemoPeople.SamTaylor.Id;
        var left = await departures.RecordAsync(sam, LeavingReason.MarkedByPerformanceTeam, default);
        Assert.Empty(left.Told);
        Assert.Single(await followUp.RunAsync(default)); // still nobody to tell: tried, not done

        await InstallAsync(HelensChat, DemoPeople.HelenPrice.AadObjectId, "user-helen");
        var finished = Assert.Single(await followUp.RunAsync(default));

        Assert.Equal([DemoPeople.HelenPrice.Id], finished.Told);
        Assert.Contains("**Sam Taylor has left**", Assert.Single(HelensLeaverNotices), StringComparison.Ordinal);
        Assert.Empty(await followUp.RunAsync(default));
        Assert.Single(HelensLeaverNotices);
    }

    [Fact]
    public void WithGraphOff_TheLeaderFinishesDepartures_AndDoesNotAskTheDirectory()
    {
        var args = Testing.LoopbackHost.Args(Settings, ["--Graph:CheckLeaversOnSchedule", "true"]);
        using var host = PmfBotHost.Build(args);
        var jobs = host.Services.GetRequiredService<ScheduledJobNames>();

        Assert.Contains("unfinished-departures", jobs);
        Assert.DoesNotContain("leaver-check", jobs);
    }
}
