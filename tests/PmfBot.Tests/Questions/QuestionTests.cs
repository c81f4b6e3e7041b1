using Microsoft.Extensions.DependencyInjection;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Standings;
using PmfBot.Domain.Status;
using PmfBot.Features.Demo;
using PmfBot.Standings;
using PmfBot.Tests.Updates;

namespace PmfBot.Tests.Questions;

/// <summary>
/// Questions in plain words, asked in a personal chat of the demo council as of Saturday 7 November 2026. What each
/// answer must list is worked out here from the standings, the same figures the bot reads.
/// </summary>
public sealed class QuestionTests : UpdateCycleHost
{
    private const string SamsChat = "personal-chat-sam";
    private const string HelensChat = "personal-chat-helen";

    // Helen Price is the performance team too, as in the local demo: she sees the whole council.
    protected override string[] MoreSettings => ["--Tab:PerformanceTeam:0", DemoPeople.HelenPrice.Id.Value];

    private async Task<string> AskAsync(string text, Person? who = null)
    {
        var (person, chat) =
            who is null ? (DemoPeople.PriyaShah, PriyasChat)
            : who == DemoPeople.SamTaylor ? (DemoPeople.SamTaylor, SamsChat)
            : (DemoPeople.HelenPrice, HelensChat);
        await PostAsync(
            Personal("message", text: text, aad: person.AadObjectId, conversation: chat, user: "29:" + person.Id)
        );
        return LastPostedText(chat);
    }

    private async Task<IReadOnlyList<(Measure Measure, MeasureStanding Standing)>> StandingsOfAsync(
        Func<Measure, bool> which
    )
    {
        var measures = DemoCouncil.Catalogue.Measures.Where(which).ToList();
        var standings = await App.Services.GetRequiredService<StandingsReader>().ForAsync(measures, default);
        return [.. measures.Zip(standings)];
    }

    private static bool InResources(Measure m) =>
        DemoCouncil.Catalogue.FindService(m.ServiceCode)!.DepartmentCode == DemoCouncil.Resources.Code;

    private static int LinesOn(string card) =>
        card.Split('\n').Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^[A-Z]{2,3} \d{2,3}[a-z]? "));

    [Fact]
    public async Task OffTrack_ListsEveryRedLatestFigureInTheScope_WithALinkToTheTabFiltered()
    {
        var reds = (await StandingsOfAsync(InResources))
            .Where(s => s.Standing.Latest?.Rag == RagStatus.Red)
            .Select(s => s.Measure.Reference.Value)
            .ToList();
        Assert.NotEmpty(reds);

        var card = await AskAsync("what's off track in Resources?");

        Assert.Contains("Off track: The Resources department", card, StringComparison.Ordinal);
        Assert.Contains($"{reds.Count} of the ", card, StringComparison.Ordinal);
        Assert.All(reds, r => Assert.Contains(r + " ", card, StringComparison.Ordinal));
        Assert.Equal(reds.Count, LinesOn(card));
        Assert.Contains("/tab/?scope=department:resources&status=Red", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worse_ComparesEachLatestFigureAsRecorded_InTheAskersOwnMeasures()
    {
        var worse = (await StandingsOfAsync(InResources))
            .Where(s => s.Standing.Latest?.VsPrevious == DirectionOfTravel.Worse)
            .Select(s => s.Measure.Reference.Value)
            .ToList();

        var card = await AskAsync("which of my measures got worse?");

        Assert.Contains("Got worse: Your measures", card, StringComparison.Ordinal);
        Assert.Equal(worse.Count, LinesOn(card));
        Assert.All(worse, r => Assert.Contains(r + " ", card, StringComparison.Ordinal));
        Assert.Contains("worse than ", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worse_InATime_ComparesTheNewestFigureInItWithTheLastBefore()
    {
        // Q2 2026/27: a monthly measure's September against June, the last figure before July.
        var time = new Domain.Questions.AskedTime(new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30), "Q2");
        var expected = (await StandingsOfAsync(InResources))
            .Where(s =>
            {
                var inQ2 = s.Standing.Recent.Where(r => time.Holds(r.Period)).ToList();
                var before = s.Standing.Recent.LastOrDefault(r => inQ2.Count > 0 && r.Period < inQ2[0].Period);
                return inQ2.Count > 0
                    && before is not null
                    && Comparison
                        .For(
                            s.Measure,
                            inQ2[^1].Period,
                            inQ2[^1].Value,
                            before.Period,
                            before.Value,
                            Margin.DefaultStableBand
                        )
                        .Direction == DirectionOfTravel.Worse;
            })
            .Select(s => s.Measure.Reference.Value)
            .ToList();

        var card = await AskAsync("what got worse in Resources in Q2");

        Assert.Contains(
            "Got worse Q2 2026/27 (Jul to Sep 2026): The Resources department",
            card,
            StringComparison.Ordinal
        );
        Assert.Equal(expected.Count, LinesOn(card));
        Assert.All(expected, r => Assert.Contains(r + " ", card, StringComparison.Ordinal));
    }

    [Fact]
    public async Task NotUpdated_ForTheWholeCouncil_ShowsTenAndSaysHowManyMore()
    {
        var owed = (await StandingsOfAsync(_ => true)).Count(s =>
            s.Standing.OpenAt(s.Measure, Clock.GetUtcNow(), App.Services.GetRequiredService<CouncilRules>().Cycle).Any()
        );
        Assert.True(owed > 10, $"{owed} owed: the demo needs more than ten for this test");

        var card = await AskAsync("who hasn't updated yet?", DemoPeople.HelenPrice);

        Assert.Contains("Not yet updated: The whole council", card, StringComparison.Ordinal);
        Assert.Equal(10, LinesOn(card));
        Assert.Contains($"and {owed - 10} more: see them all below.", card, StringComparison.Ordinal);
        Assert.Contains("See them on the Performance tab", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overdue_ListsOnlyUpdatesPastTheirDeadline()
    {
        var rules = App.Services.GetRequiredService<CouncilRules>().Cycle;
        var overdue = (await StandingsOfAsync(_ => true))
            .Where(s =>
                s.Standing.OpenAt(s.Measure, Clock.GetUtcNow(), rules)
                    .Any(o => o.Deadline.IsOverdueAt(Clock.GetUtcNow()))
            )
            .Select(s => s.Measure.Reference.Value)
            .ToList();

        var card = await AskAsync("what's overdue across the council", DemoPeople.HelenPrice);

        Assert.Contains("Overdue updates: The whole council", card, StringComparison.Ordinal);
        Assert.Equal(Math.Min(10, overdue.Count), LinesOn(card));
        Assert.Contains(
            overdue.Count == 0 ? "None of the 25 measures has an update overdue" : "overdue",
            card,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task AScopeOutsideTheAskersSight_IsRefusedKindly()
    {
        var answer = await AskAsync("what's off track in Waste");

        Assert.StartsWith("Waste's measures aren't yours to see", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownName_SaysWhatThereIs()
    {
        var answer = await AskAsync("what is overdue in Narnia");

        Assert.StartsWith(
            "I don't know a service or department called \"narnia\". Services: Customer Services,",
            answer,
            StringComparison.Ordinal
        );
    }

    [Theory]
    [InlineData("show me CS 02")]
    [InlineData("how is CS 02 doing")]
    [InlineData("calls answered")]
    [InlineData("show CS 02")]
    public async Task OneMeasure_IsItsCard_WithItsTrendAsAChartWithAFallback(string question)
    {
        var card = await AskAsync(question);

        Assert.Contains("CS 02 Calls answered within 5 minutes", card, StringComparison.Ordinal);
        Assert.Contains("Customer Services · Priya Shah (owner) · monthly", card, StringComparison.Ordinal);
        Assert.Contains("71.2% for Sep 2026", card, StringComparison.Ordinal);
        Assert.Contains("Direction of travel", card, StringComparison.Ordinal);
        Assert.Contains("Chart.Line", card, StringComparison.Ordinal);
        Assert.Contains("CS 02 against its target, last 13 months", card, StringComparison.Ordinal);
        Assert.Contains("/tab/?measure=CS%2002", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneMeasure_ByAFuzzyTitle_ForTheOwner()
    {
        var card = await AskAsync("missed colections", DemoPeople.SamTaylor);

        Assert.Contains("WM 03 Missed bins per 100,000 collections", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneMeasure_NotTheAskersToSee_IsRefused()
    {
        var answer = await AskAsync("missed collections");

        Assert.Equal(
            "WM 03 (Missed bins per 100,000 collections) isn't one of the measures you can see: "
                + "people see the measures "
                + "they own or update, their service's, or their department's.",
            answer
        );
    }

    [Fact]
    public async Task WordsFittingSeveralMeasures_OfferEach_AndTheChoiceShowsIt()
    {
        var question = await AskAsync("planning applications", DemoPeople.HelenPrice);

        Assert.Contains("Which measure did you mean by \"planning applications\"?", question, StringComparison.Ordinal);
        Assert.Contains("PL 157a Major planning applications", question, StringComparison.Ordinal);
        Assert.Contains("PL 157c Other planning applications", question, StringComparison.Ordinal);

        var answer = await PressAsync(
            "showMeasure",
            new { measure = "PL 157b" },
            aad: DemoPeople.HelenPrice.AadObjectId,
            conversation: HelensChat,
            user: "29:helen"
        );
        Assert.Contains("PL 157b Minor planning applications", CardOf(answer), StringComparison.Ordinal);

        var stranger = await PressAsync("showMeasure", new { measure = "PL 157b" });
        Assert.Equal(
            "That measure isn't one you can see in the catalogue now. Ask me for it by name again.",
            MessageOf(stranger)
        );
    }

    [Fact]
    public async Task Said_FindsTheCommentaryAndActionNotesHoldingEveryWord_NewestFirst()
    {
        var holding = (await StandingsOfAsync(m => m.ServiceCode == "customer-services"))
            .SelectMany(s =>
                s.Standing.Recent.Where(r =>
                    $"{r.Commentary} {r.ActionNote}".Contains("call volumes", StringComparison.OrdinalIgnoreCase)
                )
            )
            .OrderByDescending(r => r.Period)
            .ToList();
        Assert.NotEmpty(holding);

        var card = await AskAsync("what did Customer Services say about call volumes?");

        Assert.Contains("Said about \"call volumes\": Customer Services", card, StringComparison.Ordinal);
        Assert.Contains(
            $"{(holding.Count == 1 ? "1 update" : $"{holding.Count} updates")} mention \"call volumes\", newest first.",
            card,
            StringComparison.Ordinal
        );
        Assert.Contains($"for {holding[0].Period} ", card, StringComparison.Ordinal);
        Assert.Contains(
            "“Council tax bills and garden waste renewals drove record call volumes.",
            card,
            StringComparison.Ordinal
        );
        var periods = holding.Select(h => card.IndexOf($"for {h.Period} ", StringComparison.Ordinal)).ToList();
        Assert.Equal(periods.Order(), periods);
    }

    [Fact]
    public async Task Said_WithNothingFound_SaysWhereEveryWordIs()
    {
        var card = await AskAsync("what did HR say about unicorns");

        Assert.Contains("Nothing said in HR's latest updates mentions \"unicorns\".", card, StringComparison.Ordinal);
        Assert.Contains("the quarterly report has every one", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatIsNotUnderstood_GetsThreeQuestionsFittingTheAskersRole()
    {
        Assert.Equal(
            "Sorry, I don't understand \"what's the weather like\". I can answer questions like **what's off track in "
                + "Resources?**, **which measures got worse in Resources this quarter?**, "
                + "**what's overdue in Resources?**. "
                + "Type **help** to see everything I can do.",
            await AskAsync("what's the weather like")
        );
        // Sam updates Waste's measures: the first example is one of them.
        var sams = System.Text.RegularExpressions.Regex.Match(
            await AskAsync("what's the weather like", DemoPeople.SamTaylor),
            @"\*\*show me (?<m>[^*]+)\*\*, \*\*what haven't I updated\?\*\*"
        );
        Assert.True(sams.Success);
        Assert.True(
            DemoCouncil
                .Catalogue.FindMeasure(MeasureReference.Parse(sams.Groups["m"].Value))!
                .MayBeUpdatedBy(DemoPeople.SamTaylor.Id)
        );
        Assert.Contains(
            "**who hasn't updated yet?**",
            await AskAsync("what's the weather like", DemoPeople.HelenPrice),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task EveryExampleItOffers_IsAQuestionItUnderstands()
    {
        foreach (
            var person in new[]
            {
                DemoPeople.PriyaShah,
                DemoPeople.SamTaylor,
                DemoPeople.HelenPrice,
                DemoPeople.ChrisEvans,
            }
        )
        {
            var examples = Wording.QuestionExamples.For(person, DemoCouncil.Catalogue, [DemoPeople.HelenPrice.Id]);
            Assert.Equal(3, examples.Count);
            foreach (var example in examples.Where(e => !e.StartsWith("how is", StringComparison.Ordinal)))
            {
                Assert.NotNull(
                    Domain.Questions.QuestionReader.Read(example, DemoCouncil.Catalogue, new DateOnly(2026, 11, 7))
                );
            }
        }
    }
}
