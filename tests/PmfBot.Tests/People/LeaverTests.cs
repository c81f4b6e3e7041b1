using Microsoft.Extensions.DependencyInjection;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Cover;
using PmfBot.Domain.People;
using PmfBot.Features.Demo;
using PmfBot.Features.People;
using PmfBot.Storage.Catalogue;
using PmfBot.Storage.Conversations;
using PmfBot.Storage.Cover;
using PmfBot.Storage.People;

namespace PmfBot.Tests.People;

/// <summary>
/// Sam Taylor leaves Northmere: IT disables his account (the fake Graph says so). The leader's leaver check finds it,
/// forgets his chat, ends the cover he gave and held, tells the performance team (Helen Price) what he owned; from then
/// on the due scans tell Helen instead of prompting him, and never install PmfBot for him again.
/// </summary>
public sealed class LeaverTests : GraphHost
{
    private const string SamsChat = "personal-chat-sam";
    private const string HelensChat = "personal-chat-helen";
    private static readonly DateOnly Today = new(2026, 11, 7);

    private static Person Sam => DemoPeople.SamTaylor;

    protected override string[] MoreSettings =>
        [.. base.MoreSettings, "--Tab:PerformanceTeam:0", DemoPeople.HelenPrice.Id.Value];

    private LeaverCheck Check => App.Services.GetRequiredService<LeaverCheck>();

    private LeaverStore Leavers => App.Services.GetRequiredService<LeaverStore>();

    private CoverStore Cover => App.Services.GetRequiredService<CoverStore>();

    /// <summary>Graph knows everyone in the demo, account enabled, but those the test answers for itself.</summary>
    private void EveryoneIsHere(params Person[] except)
    {
        foreach (var person in DemoPeople.All.Where(p => !except.Contains(p)))
        {
            Graph.Answers("GET", $"/users/{person.AadObjectId}", 200, Account(person, enabled: true));
        }
    }

    private static string Account(Person person, bool enabled) =>
        "{\"@odata.type\":\"#microsoft.graph.user\",\"id\":\"" + person.AadObjectId
        + "\",\"accountEnabled\":" + Json(enabled) + "}";

    private static string Json(bool value) => value ? "true" : "false";

    private async Task SamAndHelenHaveOpenedPmfBotAsync()
    {
        await InstallAsync(SamsChat, Sam.AadObjectId, "user-sam");
        await InstallAsync(HelensChat, DemoPeople.HelenPrice.AadObjectId, "user-helen");
    }

    private async Task SamGivesAndHoldsCoverAsync()
    {
        await Cover.AddAsync(
            new Delegation(
                "samgives0001",
                Sam.Id,
                DemoPeople.ChrisEvans.Id,
                null,
                Today.AddDays(20),
                Clock.GetUtcNow()
            ),
            default
        );
        await Cover.AddAsync(
            new Delegation(
                "samholds0001",
                DemoPeople.FionaGrant.Id,
                Sam.Id,
                null,
                Today.AddDays(20),
                Clock.GetUtcNow()
            ),
            default
        );
        await Cover.AddAsync(
            new Delegation(
                "notsams00001",
                DemoPeople.ChrisEvans.Id,
                DemoPeople.FionaGrant.Id,
                null,
                Today.AddDays(20),
                Clock.GetUtcNow()
            ),
            default
        );
    }

    private IReadOnlyList<string> HelensLeaverNotices =>
        [.. PostedTexts(HelensChat).Where(t => t.Contains("has left**", StringComparison.Ordinal))];

    private IReadOnlyList<string> NobodyToPromptCards =>
        [.. CardsPostedTo(HelensChat).Where(c => c.Contains("\nNobody to prompt for ", StringComparison.Ordinal))];

    private static string ReferenceOn(string card) =>
        card.Split('\n').Single(l => l.StartsWith("Nobody to prompt for ", StringComparison.Ordinal))[
            "Nobody to prompt for ".Length..
        ];

    [Fact]
    public async Task ADisabledAccount_IsALeaver_TheirChatAndCoverGo_AndThePerformanceTeamHearsWhatTheyOwned()
    {
        await SamAndHelenHaveOpenedPmfBotAsync();
        await SamGivesAndHoldsCoverAsync();
        EveryoneIsHere(except: Sam);
        Graph.Answers("GET", $"/users/{Sam.AadObjectId}", 200, Account(Sam, enabled: false));

        var found = Assert.Single(await Check.RunAsync(default));

        Assert.Equal(Sam.Id, found.Leaver.Person);
        Assert.Equal(LeavingReason.AccountDisabled, (await Leavers.GetAsync(Sam.Id, default))!.Why);
        Assert.Null(
            await App.Services.GetRequiredService<ConversationStore>().GetPersonalAsync(Sam.AadObjectId!, default)
        );
        Assert.NotNull(
            await App
                .Services.GetRequiredService<ConversationStore>()
                .GetPersonalAsync(DemoPeople.HelenPrice.AadObjectId!, default)
        );
        var inForce = await Cover.GetDelegationsInForceAsync(Today, default);
        // the cover Sam gave and held ended; Chris's to Fiona stands
        Assert.Equal(["notsams00001"], inForce.Select(d => d.Id));
        Assert.Equal(["samgives0001", "samholds0001"], found.DelegationsEnded.Select(d => d.Id).Order());

        var notice = Assert.Single(HelensLeaverNotices);
        Assert.Contains(
            "**Sam Taylor has left** (sam.taylor@northmere.gov.uk): their account is disabled in the directory.",
            notice,
            StringComparison.Ordinal
        );
        Assert.Contains("ended the 2 delegations they gave or held", notice, StringComparison.Ordinal);
        var council = await App.Services.GetRequiredService<CatalogueStore>().LoadAsync(default);
        foreach (var measure in council.Measures.Where(m => m.Owner == Sam.Id))
        {
            Assert.Contains($"- Owner of **{measure.Reference}** ", notice, StringComparison.Ordinal);
        }

        Assert.Contains(
            "- Owner of activity **food-waste-rollout** Roll out food waste collections to all households",
            notice,
            StringComparison.Ordinal
        );
        Assert.Contains("- Head of Service of Waste", notice, StringComparison.Ordinal);
        Assert.Contains("Please give each a new owner in the catalogue spreadsheet", notice, StringComparison.Ordinal);

        Assert.Empty(await Check.RunAsync(default)); // known, and Helen told: the next check has nothing to do
        Assert.Single(HelensLeaverNotices);
    }

    [Fact]
    public async Task AfterTheyLeave_TheDueScanTellsThePerformanceTeamOncePerMeasure_AndNeverReachesForThem()
    {
        await SamAndHelenHaveOpenedPmfBotAsync();
        EveryoneIsHere(except: Sam);
        Graph.Answers("GET", $"/users/{Sam.AadObjectId}", 200, Account(Sam, enabled: false));
        await Check.RunAsync(default);
        var before = PostedTexts(SamsChat).Count;

        await Scan.RunAsync(default);
        await Scan.RunAsync(default);
        // the deadline's day: a reminder step
        Clock.MoveTo(Domain.Calendar.UkTime.At(new DateOnly(2026, 11, 10), new TimeOnly(9, 0)));
        await Scan.RunAsync(default);

        Assert.Equal(before, PostedTexts(SamsChat).Count); // nothing more went to his old chat
        Assert.DoesNotContain(Graph.Requests, r =>
            r.StartsWith($"POST /v1.0/users/{Sam.AadObjectId}/teamwork", StringComparison.Ordinal)
        );
        var cards = NobodyToPromptCards;
        Assert.NotEmpty(cards);
        var council = await App.Services.GetRequiredService<CatalogueStore>().LoadAsync(default);
        var references = cards.Select(ReferenceOn).ToList();
        // once per measure and period, whatever the steps
        Assert.Equal(references.Count, references.Distinct().Count());
        Assert.All(references, r =>
            Assert.True(
                council.Measures.Any(m => m.Reference.Value == r && m.Owner == Sam.Id)
                    || council.Activities.Any(a => a.Code == r && a.Owner == Sam.Id),
                $"{r} is not Sam's"
            )
        );
        Assert.Contains("WM 03", references); // monthly, October's figure due on the 10th and not yet in
        var prompts = new Storage.Prompts.PromptStore(Storage.Tables);
        foreach (var measure in council.Measures.Where(m => m.Owner == Sam.Id))
        {
            var records = await prompts.GetForPeriodAsync(
                measure.Reference,
                Domain.Calendar.ReportingPeriod.Parse("FY2026-M07"),
                default
            );
            Assert.DoesNotContain(records, r => r.Recipient == Sam.Id);
        }

        Assert.All(cards, c => Assert.Contains("Sam Taylor (has left)", c, StringComparison.Ordinal));
        Assert.Contains(cards, c => c.Contains("the next due scan prompts them", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheirActivitysQuarterlyReport_GoesToThePerformanceTeamToo()
    {
        await SamAndHelenHaveOpenedPmfBotAsync();
        var sam = new Leaver(Sam.Id, Sam.Name, Clock.GetUtcNow(), LeavingReason.MarkedByPerformanceTeam, []);
        await Leavers.TryAddAsync(sam, default);

        // Q3 has ended: the food waste roll-out owes its progress report
        Clock.MoveTo(Domain.Calendar.UkTime.At(new DateOnly(2027, 1, 4), new TimeOnly(9, 0)));
        await Scan.RunAsync(default);
        await Scan.RunAsync(default);

        var card = Assert.Single(NobodyToPromptCards, c => ReferenceOn(c) == "food-waste-rollout");
        var said = "The Q3 2026/27 progress report is due, but its owner has left";
        Assert.Contains(said, card, StringComparison.Ordinal);
        Assert.DoesNotContain(CardsPostedTo(SamsChat), c => c.Contains("Roll out food", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AHeadOfServiceWhoLeft_IsNotChased_AndTheOwnerIsStillPrompted()
    {
        await SamAndHelenHaveOpenedPmfBotAsync();
        var editor = await App.Services.GetRequiredService<CatalogueStore>().OpenAsync(default);
        var waste = editor.Catalogue.Services.Single(s => s.Name == "Waste") with
        {
            HeadOfService = DemoPeople.ChrisEvans.Id,
        };
        await editor.TryWriteAsync(new CatalogueChange { Services = [waste] }, default);
        var chris = new Leaver(
            DemoPeople.ChrisEvans.Id, "Chris Evans", Clock.GetUtcNow(), LeavingReason.MarkedByPerformanceTeam, []);
        await Leavers.TryAddAsync(chris, default);

        // WM 03's October figure was due on the 10th: a week late, its chase would go to Waste's Head of Service
        Clock.MoveTo(Domain.Calendar.UkTime.At(new DateOnly(2026, 11, 17), new TimeOnly(9, 0)));
        await Scan.RunAsync(default);

        var october = Domain.Calendar.ReportingPeriod.Parse("FY2026-M07");
        var prompts = new Storage.Prompts.PromptStore(Storage.Tables);
        var records = await prompts.GetForPeriodAsync(MeasureReference.Parse("WM 03"), october, default);
        Assert.DoesNotContain(records, r => r.Recipient == DemoPeople.ChrisEvans.Id);
        Assert.Contains(records, r => r.Recipient == Sam.Id); // Sam, still here, was prompted
        Assert.DoesNotContain(NobodyToPromptCards, c => ReferenceOn(c) == "WM 03"); // WM 03 has its owner
    }

    [Fact]
    public async Task SomeoneTheCatalogueNamesNowhere_IsTidiedAwayQuietly_AndNeverTripsTheGuard()
    {
        // An owner long since replaced, kept in the catalogue for the history's names, whose account IT deleted.
        const string Aad = "5a0f6c1e-2b7d-4e93-8a41-0c9d3e6b1f99";
        var old = new Person(PersonId.Parse("old.hand@northmere.gov.uk"), "Old Hand", Aad);
        var editor = await App.Services.GetRequiredService<CatalogueStore>().OpenAsync(default);
        await editor.TryWriteAsync(new CatalogueChange { People = [old] }, default);
        await InstallAsync("personal-chat-old", Aad, "user-old");
        await InstallAsync(HelensChat, DemoPeople.HelenPrice.AadObjectId, "user-helen");
        EveryoneIsHere();
        Graph.Answers("GET", $"/users/{Aad}", 404, FakeGraph.Error("Request_ResourceNotFound", "No such user."));

        var found = Assert.Single(await Check.RunAsync(default));

        Assert.Equal(old.Id, found.Leaver.Person);
        Assert.Null(await App.Services.GetRequiredService<ConversationStore>().GetPersonalAsync(Aad, default));
        Assert.Empty(HelensLeaverNotices); // nothing of theirs to reassign
        Assert.Empty(await Check.RunAsync(default));
    }

    [Fact]
    public async Task ARemovedAccount_IsALeaverToo()
    {
        EveryoneIsHere(except: Sam);
        Graph.Answers(
            "GET",
            $"/users/{Sam.AadObjectId}",
            404,
            FakeGraph.Error("Request_ResourceNotFound", $"Resource '{Sam.AadObjectId}' does not exist.")
        );
        await InstallAsync(HelensChat, DemoPeople.HelenPrice.AadObjectId, "user-helen");

        Assert.Single(await Check.RunAsync(default));

        Assert.Equal(LeavingReason.RemovedFromDirectory, (await Leavers.GetAsync(Sam.Id, default))!.Why);
        Assert.Contains(
            "they are no longer in the directory",
            Assert.Single(HelensLeaverNotices),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task WhenGraphRefuses_NobodyIsJudgedALeaver()
    {
        await SamAndHelenHaveOpenedPmfBotAsync();
        foreach (var person in DemoPeople.All)
        {
            Graph.Answers(
                "GET",
                $"/users/{person.AadObjectId}",
                403,
                FakeGraph.Error("Authorization_RequestDenied", "Insufficient privileges to complete the operation.")
            );
        }

        Assert.Empty(await Check.RunAsync(default));

        Assert.Empty(await Leavers.GetAllAsync(default));
        Assert.NotNull(
            await App.Services.GetRequiredService<ConversationStore>().GetPersonalAsync(Sam.AadObjectId!, default)
        );
        // stopped at the first refusal
        Assert.Single(Graph.Requests, r => r.StartsWith("GET /v1.0/users/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAccountEnabledAgain_IsNoLongerALeaver()
    {
        EveryoneIsHere(except: Sam);
        Graph.Answers(
            "GET",
            $"/users/{Sam.AadObjectId}",
            200,
            Account(Sam, enabled: false),
            scenario: "back",
            toState: "disabled"
        );
        Graph.Answers(
            "GET",
            $"/users/{Sam.AadObjectId}",
            200,
            Account(Sam, enabled: true),
            scenario: "back",
            fromState: "disabled"
        );
        await InstallAsync(HelensChat, DemoPeople.HelenPrice.AadObjectId, "user-helen");

        await Check.RunAsync(default);
        Assert.NotNull(await Leavers.GetAsync(Sam.Id, default));
        await Check.RunAsync(default);

        Assert.Null(await Leavers.GetAsync(Sam.Id, default));
    }

    [Fact]
    public async Task AGraphThatKnowsNobody_AWrongAddress_JudgesNobodyALeaver()
    {
        await SamAndHelenHaveOpenedPmfBotAsync(); // no answers set up: every path is WireMock's bare 404, not Graph's

        Assert.Empty(await Check.RunAsync(default));

        Assert.Empty(await Leavers.GetAllAsync(default));
        Assert.NotNull(
            await App.Services.GetRequiredService<ConversationStore>().GetPersonalAsync(Sam.AadObjectId!, default)
        );
    }
}

/// <summary>Half the council gone in one night is more likely a fault than a mass exodus: nobody is recorded.</summary>
public sealed class LeaverGuardTests : GraphHost
{
    protected override string[] MoreSettings => [.. base.MoreSettings, "--Graph:MaxLeaversPerCheck", "2"];

    [Fact]
    public async Task MoreLeaversAtOnceThanTheCouncilAllows_RecordsNobody()
    {
        foreach (var person in DemoPeople.All)
        {
            var enabled = person == DemoPeople.PriyaShah ? "true" : "false";
            Graph.Answers(
                "GET",
                $"/users/{person.AadObjectId}",
                200,
                $$"""{"id":"{{person.AadObjectId}}","accountEnabled":{{enabled}}}"""
            );
        }

        Assert.Empty(await App.Services.GetRequiredService<LeaverCheck>().RunAsync(default));

        Assert.Empty(await App.Services.GetRequiredService<LeaverStore>().GetAllAsync(default));
    }

    [Fact]
    public async Task PeopleTheCatalogueNamesNowhere_DontCountTowardsTheGuard()
    {
        var olds = Enumerable.Range(1, 3)
            .Select(i => new Person(PersonId.Parse($"old.hand{i}@northmere.gov.uk"), $"Old Hand {i}", $"0ld0{i}"))
            .ToList();
        var editor = await App.Services.GetRequiredService<CatalogueStore>().OpenAsync(default);
        await editor.TryWriteAsync(new CatalogueChange { People = olds }, default);
        foreach (var person in DemoPeople.All)
        {
            var json = $$"""{"id":"{{person.AadObjectId}}","accountEnabled":true}""";
            Graph.Answers("GET", $"/users/{person.AadObjectId}", 200, json);
        }

        foreach (var old in olds)
        {
            var gone = FakeGraph.Error("Request_ResourceNotFound", "Gone.");
            Graph.Answers("GET", $"/users/{old.AadObjectId}", 404, gone);
        }

        Assert.Equal(3, (await App.Services.GetRequiredService<LeaverCheck>().RunAsync(default)).Count);
    }

    [Fact]
    public async Task AsManyAsTheCouncilAllows_AreRecorded()
    {
        foreach (var person in DemoPeople.All)
        {
            var enabled = person == DemoPeople.SamTaylor || person == DemoPeople.FionaGrant ? "false" : "true";
            Graph.Answers(
                "GET",
                $"/users/{person.AadObjectId}",
                200,
                $$"""{"id":"{{person.AadObjectId}}","accountEnabled":{{enabled}}}"""
            );
        }

        Assert.Equal(2, (await App.Services.GetRequiredService<LeaverCheck>().RunAsync(default)).Count);

        Assert.Equal(
            [DemoPeople.FionaGrant.Id, DemoPeople.SamTaylor.Id],
            (await App.Services.GetRequiredService<LeaverStore>().GetAllAsync(default)).Keys.OrderBy(k => k.Value)
        );
    }
}
