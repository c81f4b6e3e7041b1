using PmfBot.Domain.Digests;

namespace PmfBot.Tests.Digests;

public class SubscriptionTests : DigestHost
{
    [Fact]
    public async Task SubscribingInTheChannel_ConfirmsInTheThreadAndKeepsIt()
    {
        var thread = await SayInChannelAsync("subscribe Place department Mondays 9:00");

        var reply = LastPostedText(thread);
        Assert.Contains("Subscribed", reply, StringComparison.Ordinal);
        Assert.Contains("weekly digest for the Place department on Mondays at 09:00 (UK time)", reply, StringComparison.Ordinal);
        Assert.Contains("The first is on Monday 9 November 2026 at 09:00", reply, StringComparison.Ordinal);
        Assert.Contains("/activities/", Connector.CallsTo(thread)[^1].Path, StringComparison.Ordinal); // a reply in the thread

        var stored = Assert.Single(await Subscriptions.GetForChannelAsync(Channel, CancellationToken.None));
        Assert.Equal(DigestScope.OfDepartment("place"), stored.Scope);
        Assert.Equal(DigestSchedule.Default, stored.Schedule);
        Assert.Equal(Team, stored.TeamId);
        Assert.Equal("Performance", stored.ChannelName);
        Assert.Equal("daniel.okoro@northmere.gov.uk", stored.SubscribedBy?.Value);
    }

    [Fact]
    public async Task PlainSubscribe_IsTheWholeCouncilOnMondayMorning_AndSubscribingAgainChangesTheSchedule()
    {
        await SayInChannelAsync("subscribe");
        var thread = await SayInChannelAsync("subscribe the council on Friday at 4pm");

        Assert.Contains("Changed: this channel now gets the weekly digest for the whole council on Fridays at 16:00", LastPostedText(thread), StringComparison.Ordinal);
        var stored = Assert.Single(await Subscriptions.GetForChannelAsync(Channel, CancellationToken.None));
        Assert.Equal(DigestScope.WholeCouncil, stored.Scope);
        Assert.Equal(new DigestSchedule(DayOfWeek.Friday, new TimeOnly(16, 0)), stored.Schedule);
    }

    [Fact]
    public async Task AnyoneCanListAChannelsSubscriptions()
    {
        await SayInChannelAsync("subscribe Waste weekly");
        await SayInChannelAsync("subscribe revs and bens Thursdays 08:30");

        var thread = await SayInChannelAsync("subscriptions", aad: PriyasAad, user: "29:priya");

        var list = LastPostedText(thread);
        Assert.Contains("Waste", list, StringComparison.Ordinal);
        Assert.Contains("Mondays at 09:00 (UK time) · since 7 Nov 2026, by Daniel Okoro", list, StringComparison.Ordinal);
        Assert.Contains("Revenues & Benefits", list, StringComparison.Ordinal);
        Assert.Contains("Thursdays at 08:30", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnsubscribingOne_LeavesTheOthers_AndPlainUnsubscribeStopsThemAll()
    {
        await SayInChannelAsync("subscribe Waste");
        await SayInChannelAsync("subscribe Planning");
        await SayInChannelAsync("subscribe Housing");

        var thread = await SayInChannelAsync("unsubscribe waste");
        Assert.Contains("Stopped: this channel no longer gets the weekly digest for Waste.", LastPostedText(thread), StringComparison.Ordinal);
        Assert.Equal(["service|housing", "service|planning"], (await Subscriptions.GetForChannelAsync(Channel, CancellationToken.None)).Select(s => s.Scope.Key).Order(StringComparer.Ordinal));

        thread = await SayInChannelAsync("unsubscribe");
        Assert.Contains("no longer gets the weekly digest for Housing or Planning", LastPostedText(thread), StringComparison.Ordinal);
        Assert.Empty(await Subscriptions.GetForChannelAsync(Channel, CancellationToken.None));

        thread = await SayInChannelAsync("unsubscribe");
        Assert.Equal("This channel has no digest subscriptions, so there is nothing to stop.", LastPostedText(thread));
    }

    [Fact]
    public async Task AnAmbiguousName_IsAskedAbout_AndTheChoiceSubscribes()
    {
        var thread = await SayInChannelAsync("subscribe plan Tuesdays 10:00");

        var question = LastPostedText(thread);
        Assert.Contains("Which did you mean by \"plan\"?", question, StringComparison.Ordinal);
        Assert.Contains("Planning Policy", question, StringComparison.Ordinal);
        Assert.Empty(await Subscriptions.GetForChannelAsync(Channel, CancellationToken.None));

        var answer = await PressInChannelAsync("subscribe", new { scope = "service|planning-policy", day = "Tuesday", time = "10:00" }, thread);

        Assert.Contains("weekly digest for Planning Policy on Tuesdays at 10:00", CardOf(answer), StringComparison.Ordinal);
        Assert.Equal(DigestScope.OfService("planning-policy"), Assert.Single(await Subscriptions.GetForChannelAsync(Channel, CancellationToken.None)).Scope);
    }

    [Fact]
    public async Task AChoiceNamingAServiceNoLongerInTheCatalogue_IsRefusedKindly_AndNothingIsStored()
    {
        var thread = await SayInChannelAsync("subscriptions");

        var answer = await PressInChannelAsync("subscribe", new { scope = "service|parks", day = "Monday", time = "09:00" }, thread);

        Assert.StartsWith("That service or department is no longer in the catalogue, so nothing was subscribed.", MessageOf(answer), StringComparison.Ordinal);
        Assert.Empty(await Subscriptions.GetForChannelAsync(Channel, CancellationToken.None));
    }

    [Theory]
    [InlineData("subscribe Leisure Centres", "I don't know a service or department called \"Leisure Centres\". Services: ")]
    [InlineData("subscribe Waste Mondays 25:00", "\"25:00\" isn't a time I can read: try 9:00 or 4pm.")]
    public async Task WhatCantBeRead_IsSaidKindly_AndNothingIsStored(string text, string expected)
    {
        var thread = await SayInChannelAsync(text);

        Assert.StartsWith(expected, LastPostedText(thread), StringComparison.Ordinal);
        Assert.Empty(await Subscriptions.GetForChannelAsync(Channel, CancellationToken.None));
    }

    [Fact]
    public async Task InAPersonalChat_SubscribeSaysWhereItBelongs()
    {
        await PostAsync(Personal("message", text: "subscribe Waste"));

        Assert.StartsWith("Digests are posted to a team's channel.", LastPostedText(), StringComparison.Ordinal);
    }
}

public class ManagedSubscriptionTests : DigestHost
{
    protected override string[] MoreSettings => ["--Digests:Managers:0", "daniel.okoro@northmere.gov.uk", "--Digests:Managers:1", "helen.price@northmere.gov.uk"];

    [Fact]
    public async Task OnlyTheConfiguredManagersMayChangeThem_AndTheRefusalSaysWho()
    {
        var thread = await SayInChannelAsync("subscribe Waste", aad: PriyasAad, user: "29:priya");

        Assert.Equal("Only Daniel Okoro or Helen Price can change this channel's digest subscriptions. Anyone can see them: @mention me with \"subscriptions\".", LastPostedText(thread));
        Assert.Empty(await Subscriptions.GetForChannelAsync(Channel, CancellationToken.None));

        await SayInChannelAsync("subscribe Waste");
        thread = await SayInChannelAsync("unsubscribe", aad: PriyasAad, user: "29:priya");
        Assert.StartsWith("Only Daniel Okoro or Helen Price", LastPostedText(thread), StringComparison.Ordinal);
        Assert.Single(await Subscriptions.GetForChannelAsync(Channel, CancellationToken.None));

        thread = await SayInChannelAsync("subscriptions", aad: PriyasAad, user: "29:priya");
        Assert.Contains("Daniel Okoro, Helen Price can change these", LastPostedText(thread), StringComparison.Ordinal);
    }
}
