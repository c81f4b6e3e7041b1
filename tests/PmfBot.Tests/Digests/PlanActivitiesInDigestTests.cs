using Microsoft.Extensions.DependencyInjection;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.PlanActivities;
using PmfBot.Features.Demo;
using PmfBot.Storage.PlanActivities;

namespace PmfBot.Tests.Digests;

/// <summary>
/// The Place department's activities beside its measures, as of the demo's Saturday 7 November 2026: the housing
/// system is off track and has missed its "Data migration tested" milestone (30 September); food waste is at risk;
/// the Local Plan is on track, and (in these tests) reported complete during the week.
/// </summary>
public class PlanActivitiesInDigestTests : DigestHost
{
    /// <summary>The Local Plan is reported complete on Sunday; the Performance channel takes Place's digest.</summary>
    private async Task PlaceSubscribedAfterTheLocalPlanCompletedAsync()
    {
        var store = App.Services.GetRequiredService<PlanActivityProgressStore>();
        var report = new PlanActivityProgress(
            "local-plan",
            ReportingPeriod.Parse("FY2026-Q3"),
            PlanActivityStatus.Completed,
            100,
            "Adopted by Full Council.",
            null,
            DemoPeople.ChrisEvans.Id,
            Uk(11, 8, 14)
        );
        Assert.Equal(1, await store.RecordManyAsync([report], default));
        await InstallAsync();
        await SayInChannelAsync("subscribe Place department", aad: PriyasAad, user: "29:priya");
    }

    [Fact]
    public async Task TheWeeklyDigest_HasItsOwnSections_ForLateOffTrackAndCompletedActivities()
    {
        await PlaceSubscribedAfterTheLocalPlanCompletedAsync();

        Clock.MoveTo(Uk(11, 9, 9, 0));
        await Poster.RunAsync(default);

        var digest = TextOf(Assert.Single(ThreadsStarted()));
        Assert.Contains("Activities late (1)", digest, StringComparison.Ordinal);
        Assert.Contains("housing-system Replace the housing management system", digest, StringComparison.Ordinal);
        var due = Wording.Dates.ShortDate(new DateOnly(2026, 9, 30));
        Assert.Contains(
            $"Milestone \"Data migration tested\" missed (due {due}) · Fiona Grant",
            digest,
            StringComparison.Ordinal
        );
        Assert.Contains("Activities off track (1)", digest, StringComparison.Ordinal);
        Assert.Contains(
            "Data migration test failed twice; supplier's recovery plan awaited.",
            digest,
            StringComparison.Ordinal
        );
        Assert.Contains("Activities completed this week (1)", digest, StringComparison.Ordinal);
        Assert.Contains("local-plan Adopt the new Local Plan", digest, StringComparison.Ordinal);
        Assert.DoesNotContain("food-waste-rollout", digest, StringComparison.Ordinal); // at risk, on time: not news
    }

    [Fact]
    public async Task TheNextWeek_NoLongerCountsTheCompletion()
    {
        await PlaceSubscribedAfterTheLocalPlanCompletedAsync();

        Clock.MoveTo(Uk(11, 16, 9, 0));
        await Poster.RunAsync(default);

        var digest = TextOf(ThreadsStarted()[^1]);
        Assert.Contains("Week to Monday 16 November 2026", digest, StringComparison.Ordinal);
        Assert.DoesNotContain("Activities completed this week", digest, StringComparison.Ordinal);
        Assert.Contains("Activities off track (1)", digest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheScorecard_CountsTheActivities_AndShowsThoseOffTrackOrLate_WithTheirCommentary()
    {
        await PostAsync(Personal("message", text: "how is the Place department doing"));
        var card = LastPostedText();

        Assert.Contains("Activities and milestones", card, StringComparison.Ordinal);
        Assert.Contains("3 activities: 1 on track, 1 at risk, 1 off track", card, StringComparison.Ordinal);
        Assert.Contains("housing-system Replace the housing management system", card, StringComparison.Ordinal);
        Assert.Contains("Off track", card, StringComparison.Ordinal);
        Assert.Contains(
            "Data migration test failed twice; supplier's recovery plan awaited.",
            card,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("food-waste-rollout", card, StringComparison.Ordinal);
        Assert.DoesNotContain("local-plan", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnActivitysEscalation_StandsBesideIt_InTheDigestAndTheScorecard()
    {
        await PlaceSubscribedAfterTheLocalPlanCompletedAsync();
        await Scan.RunAsync(default); // the follow-up escalates the missed milestone to Daniel Okoro, Place's Chief

        Clock.MoveTo(Uk(11, 9, 9, 0));
        await Poster.RunAsync(default);
        await PostAsync(Personal("message", text: "how is the Place department doing"));

        const string Escalated = "Escalated to Daniel Okoro on 7 Nov (Q2 2026/27): waiting for a decision";
        var digest = TextOf(Assert.Single(ThreadsStarted()));
        var late = digest[digest.IndexOf("Activities late", StringComparison.Ordinal)..];
        Assert.Contains(Escalated, late, StringComparison.Ordinal);
        Assert.Contains(Escalated, LastPostedText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServiceWithoutActivities_HasNoActivitiesSection()
    {
        await PostAsync(Personal("message", text: "how is HR doing"));

        Assert.DoesNotContain("Activities and milestones", LastPostedText(), StringComparison.Ordinal);
    }
}
