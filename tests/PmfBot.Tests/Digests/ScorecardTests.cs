namespace PmfBot.Tests.Digests;

/// <summary>"How is my service doing?" against the demo council as of Saturday 7 November 2026.</summary>
public class ScorecardTests : DigestHost
{
    private async Task<string> AskAsync(string text)
    {
        await PostAsync(Personal("message", text: text));
        return LastPostedText();
    }

    [Theory]
    [InlineData("how is my service doing?")]
    [InlineData("How's my service going")]
    [InlineData("how are we doing")]
    [InlineData("hw is my servce doin")]
    [InlineData("my scorecard")]
    public async Task APersonsOwnService_IsWorkedOutFromTheCatalogue(string question)
    {
        // Priya is Chief Officer of Resources: "my service" is her department.
        var card = await AskAsync(question);

        Assert.Contains("Resources department scorecard", card, StringComparison.Ordinal);
        Assert.Contains("As at 7 November 2026 · 9 measures", card, StringComparison.Ordinal);
        Assert.Contains("Customer Services", card, StringComparison.Ordinal);
        Assert.Contains("CS 02", card, StringComparison.Ordinal);
        Assert.Contains("71.2% for Sep 2026", card, StringComparison.Ordinal);
        Assert.Contains("Target 80.0% or more (Amber down to 76.0%, Red below)", card, StringComparison.Ordinal);
        Assert.DoesNotContain("NI 192", card, StringComparison.Ordinal); // Waste is Place's
    }

    [Fact]
    public async Task EachMeasure_ShowsItsDirectionOfTravelTrendAndOpenEscalation()
    {
        await Scan.RunAsync(CancellationToken.None); // escalates HR 01's long-overdue update to Priya

        var card = await AskAsync("how is HR doing");

        Assert.Contains("HR scorecard", card, StringComparison.Ordinal);
        Assert.Contains("HR 01", card, StringComparison.Ordinal);
        Assert.Contains("Escalated to Priya Shah on 7 Nov (Q2 2026/27): waiting for a decision", card, StringComparison.Ordinal);
        Assert.Matches("[▁▂▃▄▅▆▇█]{2,}  (improving|worsening|stable) over the last \\d figures", card);
        Assert.Matches("[↗↘→] (better|worse|about the same) ", card);
    }

    [Theory]
    [InlineData("how is Planing doing", "Planning scorecard")]
    [InlineData("how is the Place department doing", "Place department scorecard")]
    [InlineData("how is the council doing", "Northmere District Council scorecard")]
    [InlineData("scorecard for revs and bens", "Revenues & Benefits scorecard")]
    [InlineData("show CS 02", "CS 02 Calls answered within 5 minutes")]
    public async Task ANamedServiceDepartmentOrMeasure_IsUnderstoodDespiteTypos(string question, string title)
    {
        Assert.Contains(title, await AskAsync(question), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenUnsure_ItAsksWithAChoiceForEach_AndTheChoiceAnswers()
    {
        var question = await AskAsync("how is plan doing");

        Assert.Contains("Which did you mean by \"plan\"?", question, StringComparison.Ordinal);
        Assert.Contains("Planning Policy", question, StringComparison.Ordinal);

        var answer = await PressAsync("showScorecard", new { scope = "service|planning-policy" });
        Assert.Contains("Planning Policy scorecard", CardOf(answer), StringComparison.Ordinal);
        Assert.Contains("PP 01", CardOf(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownName_IsSaidKindlyWithWhatThereIs()
    {
        var answer = await AskAsync("how is Parks doing");

        Assert.StartsWith("I don't know a service, department or measure called \"Parks\". Services: Customer Services, Economy,", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("show my delegations")]
    [InlineData("show the deadline")]
    public async Task OtherThingsToShow_AreLeftToTheirOwnCommands(string text)
    {
        var answer = await AskAsync(text);

        Assert.DoesNotContain("scorecard", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("I don't know a service", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("show my service")]
    [InlineData("show Waste")]
    [InlineData("scorecard")]
    public async Task ShowWithAServiceOrMine_IsAScorecard(string text) => Assert.Contains("scorecard", await AskAsync(text), StringComparison.Ordinal);

    [Fact]
    public async Task SomeoneWithNoServices_IsToldToNameOne()
    {
        await PostAsync(Personal("message", text: "how is my service doing", aad: "00000000-0000-0000-0000-00000000abcd", user: "stranger"));

        Assert.StartsWith("I can't find you in the council's performance catalogue", LastPostedText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InAChannel_TheScorecardIsARepliedInTheThread_AndTheDigestsButtonAsksForIt()
    {
        var thread = await SayInChannelAsync("how is Waste doing?");

        Assert.Contains("Waste scorecard", LastPostedText(thread), StringComparison.Ordinal);
        Assert.Contains("NI 192", LastPostedText(thread), StringComparison.Ordinal);

        // The digest's "Full scorecard" button is an Action.Submit: a message carrying the verb.
        var response = await PostAsync(ChannelActivity("message", thread, aad: null, user: "29:daniel", value: new { verb = "showScorecard", scope = "department|place" }));
        response.EnsureSuccessStatusCode();
        Assert.Contains("Place department scorecard", LastPostedText(thread), StringComparison.Ordinal);
    }
}
