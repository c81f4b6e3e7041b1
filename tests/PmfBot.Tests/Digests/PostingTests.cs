using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using PmfBot.Domain.Digests;
using PmfBot.Features.Demo;
using PmfBot.Features.Digests;
using PmfBot.Storage.Digests;

namespace PmfBot.Tests.Digests;

/// <summary>The demo council as of Saturday 7 November 2026; the Performance channel subscribes to Resources, Mondays 09:00.</summary>
public class PostingTests : DigestHost
{
    private async Task SubscribeAsync(string text = "subscribe Resources department")
    {
        await InstallAsync(); // Priya has a chat with the bot, so she can be told things
        await SayInChannelAsync(text, aad: PriyasAad, user: "29:priya");
    }

    [Fact]
    public async Task NothingIsOwedBeforeTheFirstMonday_ThenTheDigestIsPostedOnceAsANewThread()
    {
        await SubscribeAsync();
        Assert.Equal(0, (await Poster.RunAsync(CancellationToken.None)).Owed); // subscribed on Saturday: last Monday's isn't owed

        Clock.MoveTo(Uk(11, 9, 8, 59));
        Assert.Equal(0, (await Poster.RunAsync(CancellationToken.None)).Posted);

        Clock.MoveTo(Uk(11, 9, 9, 0));
        var report = await Poster.RunAsync(CancellationToken.None);
        Assert.Equal((1, 0), (report.Posted, report.Late));

        var thread = Assert.Single(ThreadsStarted());
        var digest = TextOf(thread);
        Assert.Contains("Weekly digest: Resources department", digest, StringComparison.Ordinal);
        Assert.Contains("Week to Monday 9 November 2026, 09:00", digest, StringComparison.Ordinal);
        Assert.DoesNotContain("Posted late", digest, StringComparison.Ordinal);
        Assert.Equal(Tenant, thread.GetProperty("tenantId").GetString());

        var posting = Assert.Single(await Postings.GetForSubscriptionAsync($"{Channel}|department|resources", CancellationToken.None));
        Assert.Equal((DigestPostingState.Posted, "2026-W46"), (posting.State, posting.Week));
        Assert.Equal(Uk(11, 9, 9, 0), posting.DueAt);
        Assert.NotNull(posting.ConversationId);

        // Later in the week: nothing more, from this instance or another, or after a restart.
        Clock.MoveTo(Uk(11, 12, 15, 0));
        await Poster.RunAsync(CancellationToken.None);
        await using (var second = StartHost(seed: false))
        {
            await second.StartAsync();
            second.Services.GetRequiredService<DemoClock>().MoveTo(Clock.GetUtcNow());
            Assert.Equal(0, (await second.Services.GetRequiredService<DigestPoster>().RunAsync(CancellationToken.None)).Posted);
        }

        Assert.Single(ThreadsStarted());
    }

    [Fact]
    public async Task TwoInstancesCheckingAtOnce_PostTheWeekOnce()
    {
        await SubscribeAsync();
        await using var second = StartHost(seed: false);
        await second.StartAsync();
        second.Services.GetRequiredService<DemoClock>().MoveTo(Uk(11, 9, 9, 0));
        var otherPoster = second.Services.GetRequiredService<DigestPoster>();

        Clock.MoveTo(Uk(11, 9, 9, 0));
        var reports = await Task.WhenAll(
            Enumerable.Range(0, 4).Select(i => i % 2 == 0 ? Poster.RunAsync(CancellationToken.None) : otherPoster.RunAsync(CancellationToken.None)));

        Assert.Equal(1, reports.Sum(r => r.Posted));
        Assert.Single(ThreadsStarted());
    }

    [Fact]
    public async Task AWeekMissedWhileDown_IsPostedLateOnce_AndOnlyTheLatestWeek()
    {
        await SubscribeAsync();

        // Down from Saturday until Wednesday 18 November: the 9th's and the 16th's postings were missed.
        Clock.MoveTo(Uk(11, 18, 14, 0));
        var report = await Poster.RunAsync(CancellationToken.None);
        await Poster.RunAsync(CancellationToken.None);

        Assert.Equal((1, 1), (report.Posted, report.Late));
        var digest = TextOf(Assert.Single(ThreadsStarted()));
        Assert.Contains("Week to Monday 16 November 2026, 09:00", digest, StringComparison.Ordinal);
        Assert.Contains("Posted late: PmfBot was unavailable at 09:00 on Monday 16 November. This covers the week to then.", digest, StringComparison.Ordinal);

        // The next Monday is on time again.
        Clock.MoveTo(Uk(11, 23, 9, 0));
        report = await Poster.RunAsync(CancellationToken.None);
        Assert.Equal((1, 0), (report.Posted, report.Late));
        Assert.Equal(2, ThreadsStarted().Count);
    }

    [Fact]
    public async Task AClaimLeftByADeadInstance_IsTakenOverAfterItsLease_NotBefore()
    {
        await SubscribeAsync();
        Clock.MoveTo(Uk(11, 9, 9, 0));
        var dead = await Postings.TryClaimAsync($"{Channel}|department|resources", "2026-W46", Uk(11, 9, 9, 0), false, new Storage.ClaimTerms("dead-instance", Clock.GetUtcNow(), TimeSpan.FromMinutes(10), 5), CancellationToken.None);
        Assert.NotNull(dead);

        Assert.Equal(0, (await Poster.RunAsync(CancellationToken.None)).Posted);
        Clock.MoveTo(Uk(11, 9, 9, 11));
        await using var second = StartHost(seed: false); // a fresh instance: no memory of the week
        await second.StartAsync();
        second.Services.GetRequiredService<DemoClock>().MoveTo(Clock.GetUtcNow());
        Assert.Equal(1, (await second.Services.GetRequiredService<DigestPoster>().RunAsync(CancellationToken.None)).Posted);
        Assert.Single(ThreadsStarted());
    }

    [Fact]
    public async Task EachDigestOwed_IsCountedByOutcome_LateFailedAndPostedAlike()
    {
        using var digests = new MetricCollector<long>(App.Services.GetRequiredService<IMeterFactory>(), PmfBot.Telemetry.PmfMetrics.MeterName, "pmfbot.digests");
        await SubscribeAsync();

        Clock.MoveTo(Uk(11, 18, 14, 0)); // down since Saturday: the 16th's goes out late
        Connector.FailNext(500, "InternalServerError");
        await Poster.RunAsync(CancellationToken.None);
        await Poster.RunAsync(CancellationToken.None);
        Clock.MoveTo(Uk(11, 23, 9, 0));
        await Poster.RunAsync(CancellationToken.None);
        await Poster.RunAsync(CancellationToken.None); // already posted: not counted again

        var byOutcome = digests.GetMeasurementSnapshot().GroupBy(m => m.Tags["pmfbot.digest.outcome"]).ToDictionary(g => g.Key!, g => g.Sum(m => m.Value));
        Assert.Equal(new Dictionary<object, long> { ["failed"] = 1, ["posted_late"] = 1, ["posted"] = 1 }, byOutcome);
    }

    [Fact]
    public async Task WhenTeamsFails_TheNextCheckTriesAgain()
    {
        await SubscribeAsync();
        Clock.MoveTo(Uk(11, 9, 9, 0));
        Connector.FailNext(500, "InternalServerError"); // not one the pipeline retries

        Assert.Equal(1, (await Poster.RunAsync(CancellationToken.None)).Failed);
        Assert.Empty(ThreadsStarted());

        Assert.Equal(1, (await Poster.RunAsync(CancellationToken.None)).Posted);
        Assert.Single(ThreadsStarted());
    }

    [Fact]
    public async Task WhenTheBotWasRemovedFromTheTeam_TheSubscriptionPausesAndItsSubscriberIsTold()
    {
        await SubscribeAsync();
        Clock.MoveTo(Uk(11, 9, 9, 0));
        Connector.FailNext(403, "BotNotInConversationRoster");

        var report = await Poster.RunAsync(CancellationToken.None);

        Assert.Equal(1, report.Paused);
        var subscription = Assert.Single(await Subscriptions.GetForChannelAsync(Channel, CancellationToken.None));
        Assert.Equal(SubscriptionState.Paused, subscription.State);
        Assert.StartsWith("PmfBot can no longer post in the Performance channel", LastPostedText(), StringComparison.Ordinal);
        Assert.Contains("the weekly digest for the Resources department you subscribed it to is paused", LastPostedText(), StringComparison.Ordinal);

        // Nothing more is tried, that week or the next.
        Clock.MoveTo(Uk(11, 16, 9, 0));
        Assert.Equal(0, (await Poster.RunAsync(CancellationToken.None)).Owed);
        Assert.Empty(ThreadsStarted());

        // Subscribing again (the app is back in the team) restarts it.
        var thread = await SayInChannelAsync("subscribe Resources department", aad: PriyasAad, user: "29:priya");
        Assert.Contains("Restarted: this channel gets the weekly digest for the Resources department", LastPostedText(thread), StringComparison.Ordinal);
        Clock.MoveTo(Uk(11, 23, 9, 0));
        Assert.Equal(1, (await Poster.RunAsync(CancellationToken.None)).Posted);
    }

    [Fact]
    public async Task TheDemoCouncilsDigest_ShowsItsRedsOverdueAndDueUpdates()
    {
        await SubscribeAsync("subscribe the council");
        await Scan.RunAsync(CancellationToken.None); // the first scan escalates HR 01's long-overdue update
        Clock.MoveTo(Uk(11, 9, 9, 0));

        await Poster.RunAsync(CancellationToken.None);

        var digest = TextOf(Assert.Single(ThreadsStarted()));
        Assert.Contains("Weekly digest: Northmere District Council", digest, StringComparison.Ordinal);
        Assert.Contains("25 measures", digest, StringComparison.Ordinal);
        Assert.Contains("Red (7)", digest, StringComparison.Ordinal);
        Assert.Contains("Commentary: Council tax bills and garden waste renewals drove record call volumes.", digest, StringComparison.Ordinal);
        Assert.Contains("Q2 2026/27 · 30 days overdue · owed by Sam Taylor", digest, StringComparison.Ordinal);
        Assert.Contains("Due next week (13)", digest, StringComparison.Ordinal);
        Assert.Contains("…and 5 more: see the full scorecard.", digest, StringComparison.Ordinal);
        Assert.Contains("Overdue updates", digest, StringComparison.Ordinal);
        Assert.Contains("HR 01 Working days lost to sickness per FTE, rolling 12 months", digest, StringComparison.Ordinal);
        Assert.Contains("Escalations: 3 opened, 0 decided, 3 waiting for a decision", digest, StringComparison.Ordinal);
        Assert.Contains("Full scorecard", digest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFigureCorrectedAfterADigest_IsComparedNextWeekWithWhatThatDigestShowed()
    {
        await SubscribeAsync("subscribe the council");
        await PressAsync("submitUpdate", new
        {
            verb = "submitUpdate", measure = "CS 02", period = "FY2026-M07", value = "81.2",
            commentary = "Agency advisers in post.",
        });
        Clock.MoveTo(Uk(11, 9, 9, 0));
        await Poster.RunAsync(CancellationToken.None);
        var first = TextOf(Assert.Single(ThreadsStarted()));
        Assert.Contains("CS 02 Calls answered within 5 minutes", first, StringComparison.Ordinal);

        Clock.MoveTo(Uk(11, 10, 11, 0));
        await PostAsync(Personal("message",
            "change CS 02 Oct 2026 to 78 because the logger was read for the wrong month; "
            + "action: keep the agency advisers"));
        Assert.Contains("Corrected from 81.2% to 78.0%", CardsPostedTo()[^1], StringComparison.Ordinal);
        Clock.MoveTo(Uk(11, 16, 9, 0));
        await Poster.RunAsync(CancellationToken.None);

        // Last Monday's digest showed October's 81.2% (Green): the change is Green → Amber, not September → Amber.
        var digest = TextOf(ThreadsStarted()[^1]);
        Assert.Contains("Green → Amber · 78.0%", digest, StringComparison.Ordinal);
        Assert.DoesNotContain("Red → Amber · 78.0%", digest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEscalationOpenedAndDecidedInTheWeek_IsOneLine_InOneState()
    {
        await SubscribeAsync("subscribe the council");
        await PressAsync("submitUpdate", new
        {
            verb = "submitUpdate", measure = "CS 02", period = "FY2026-M07", value = "61.5",
            commentary = "Two advisers off sick.", actionNote = "Agency cover.",
        });
        await PressAsync("decideEscalation", new { verb = "decideEscalation", measure = "CS 02", period = "FY2026-M07", decision = "approve", decisionNote = "Agreed." });
        Clock.MoveTo(Uk(11, 9, 9, 0));

        await Poster.RunAsync(CancellationToken.None);

        var digest = TextOf(Assert.Single(ThreadsStarted()));
        Assert.Contains("Opened and decided: CS 02 Calls answered within 5 minutes", digest, StringComparison.Ordinal);
        Assert.Contains("Oct 2026 · Remedial action approved by Priya Shah", digest, StringComparison.Ordinal);
        Assert.DoesNotContain("Opened: CS 02", digest, StringComparison.Ordinal);
        Assert.DoesNotContain("Decided: CS 02", digest, StringComparison.Ordinal);
        Assert.Contains("Escalations: 1 opened, 1 decided, 0 waiting for a decision", digest, StringComparison.Ordinal);
    }
}

public class MentioningPostingTests : DigestHost
{
    protected override string[] MoreSettings => ["--Digests:MentionOwners", "true"];

    [Fact]
    public async Task WhenConfigured_OwnersOfOverdueUpdatesAreMentioned_SoTeamsNotifiesThem()
    {
        await SayInChannelAsync("subscribe Place department");
        Clock.MoveTo(Uk(11, 9, 9, 0));

        await Poster.RunAsync(CancellationToken.None);

        var thread = Assert.Single(ThreadsStarted());
        Assert.Contains("Q2 2026/27 · 30 days overdue · owed by <at>Sam Taylor</at>", TextOf(thread), StringComparison.Ordinal);
        var entities = thread.GetProperty("activity").GetProperty("attachments")[0].GetProperty("content").GetProperty("msteams").GetProperty("entities");
        var sam = Assert.Single(entities.EnumerateArray(), e => e.GetProperty("text").GetString() == "<at>Sam Taylor</at>");
        Assert.Equal("mention", sam.GetProperty("type").GetString());
        Assert.Equal(Features.Demo.DemoPeople.SamTaylor.AadObjectId, sam.GetProperty("mentioned").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("Sam_Taylor *Acting*")]
    [InlineData("R&D <Team>")]
    public async Task AnOwnerWithAnAwkwardName_IsMentionedAsTeamsMatchesIt(string name)
    {
        await RenameAsync(Features.Demo.DemoPeople.SamTaylor.Id, name);
        await SayInChannelAsync("subscribe Place department");
        Clock.MoveTo(Uk(11, 9, 9, 0));

        // The fake connector refuses a mention its card doesn't hold, as Teams does.
        await Poster.RunAsync(CancellationToken.None);

        var thread = Assert.Single(ThreadsStarted());
        var card = thread.GetProperty("activity").GetProperty("attachments")[0].GetProperty("content");
        var entity = card.GetProperty("msteams").GetProperty("entities")[0];
        Assert.Equal(name, entity.GetProperty("mentioned").GetProperty("name").GetString());
        Assert.Contains($"owed by {entity.GetProperty("text").GetString()}", TextOf(thread), StringComparison.Ordinal);
    }
}
