using Microsoft.Extensions.DependencyInjection;
using PmfBot.Storage.Conversations;

namespace PmfBot.Tests.People;

/// <summary>
/// Most owners never open PmfBot first. With Graph on, the due scan installs the app for them
/// (the real Graph SDK against the fake Graph) and their first prompt arrives in the chat that opens.
/// </summary>
public sealed class ProactiveInstallTests : GraphHost
{
    private const string PriyasNewChat = "19:priya-pmfbot@unq.gbl.spaces";

    [Fact]
    public async Task SomeoneWhoNeverOpenedPmfBot_GetsItInstalled_AndTheirPromptsArriveInItsChat()
    {
        Graph.Answers("POST", $"/users/{PriyasAad}/teamwork/installedApps", 201, """{"id":"install-priya"}""");
        Graph.Answers("GET", $"/users/{PriyasAad}/teamwork/installedApps/install-priya/chat", 200, $$"""{"id":"{{PriyasNewChat}}"}""");

        await Scan.RunAsync(default);

        Assert.Contains(CardsPostedTo(PriyasNewChat), c => c.Contains("**CS 02**", StringComparison.Ordinal));
        var stored = await App.Services.GetRequiredService<ConversationStore>().GetPersonalAsync(PriyasAad, default);
        Assert.Equal((PriyasNewChat, Connector.ServiceUrl, ConversationState.Active), (stored?.ConversationId, stored?.ServiceUrl, stored?.State));
        Assert.Single(Graph.Requests, r => r.StartsWith($"POST /v1.0/users/{PriyasAad}/teamwork/installedApps", StringComparison.Ordinal));

        // Next time the chat is known: no second install.
        Clock.MoveTo(Clock.GetUtcNow().AddDays(1));
        await Scan.RunAsync(default);
        Assert.Single(Graph.Requests, r => r.StartsWith($"POST /v1.0/users/{PriyasAad}/teamwork/installedApps", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhenTheInstallIsRefused_ThePromptWaitsForInstall_AndNothingIsLost()
    {
        Graph.Answers("POST", $"/users/{PriyasAad}/teamwork/installedApps", 403, FakeGraph.Error("Forbidden", "Missing role permissions on the request."));

        var report = await Scan.RunAsync(default);

        Assert.DoesNotContain(Connector.Calls, c => c.Method == "POST");
        Assert.True(report.WaitingForInstall > 0);
        Assert.Null(await App.Services.GetRequiredService<ConversationStore>().GetPersonalAsync(PriyasAad, default));

        // Once the permission is granted, the first scan after the prompt's rest (an hour) installs and delivers; the
        // scans in between don't ask Graph again.
        Graph.Server.Reset();
        Graph.Answers("POST", $"/users/{PriyasAad}/teamwork/installedApps", 201, """{"id":"install-priya"}""");
        Graph.Answers("GET", $"/users/{PriyasAad}/teamwork/installedApps/install-priya/chat", 200, $$"""{"id":"{{PriyasNewChat}}"}""");
        Clock.MoveTo(Clock.GetUtcNow().AddMinutes(5));
        await Scan.RunAsync(default);
        Assert.DoesNotContain(Graph.Requests, r => r.Contains("installedApps", StringComparison.Ordinal));
        Clock.MoveTo(Clock.GetUtcNow().AddHours(1));
        await Scan.RunAsync(default);
        Assert.Contains(CardsPostedTo(PriyasNewChat), c => c.Contains("**CS 02**", StringComparison.Ordinal));
    }
}
