namespace PmfBot.Tests.Digests;

/// <summary>With the schedules on, as in production: the due scan and the digest check both run in the one Quartz scheduler.</summary>
public class ScheduledTests : DigestHost
{
    protected override string[] MoreSettings =>
    [
        "--Updates:ScanOnSchedule", "true", "--Updates:ScanEvery", "00:00:05",
        "--Digests:PostOnSchedule", "true", "--Digests:CheckEvery", "00:00:05",
    ];

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(30); waited += TimeSpan.FromMilliseconds(250))
        {
            if (condition())
            {
                return;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"Waited 30 s for {what}.");
    }

    [Fact]
    public async Task TheScanPromptsAndTheDigestIsPosted_WithNobodyRunningThem()
    {
        await InstallAsync();
        await SayInChannelAsync("subscribe Resources department", aad: PriyasAad, user: "29:priya");
        await WaitUntilAsync(() => CardsPostedTo().Any(c => c.Contains("CS 02", StringComparison.Ordinal)), "the scheduled due scan to prompt Priya");

        Clock.MoveTo(Uk(11, 9, 9, 0));

        await WaitUntilAsync(() => ThreadsStarted().Count == 1, "the scheduled digest check to post Monday's digest");
        Assert.Contains("Weekly digest: Resources department", TextOf(ThreadsStarted()[0]), StringComparison.Ordinal);
    }
}
