using Microsoft.Extensions.DependencyInjection;
using Microsoft.Kiota.Abstractions.Authentication;
using PmfBot.Storage.Conversations;
using PmfBot.Tests.Updates;

namespace PmfBot.Tests.People;

/// <summary>
/// Most owners never open PmfBot first. With Graph on, the due scan installs the app for them
/// (the real Graph SDK against the fake Graph) and their first prompt arrives in the chat that opens.
/// </summary>
public sealed class ProactiveInstallTests : UpdateCycleHost, IDisposable
{
    private const string PriyasNewChat = "19:priya-pmfbot@unq.gbl.spaces";
    private readonly FakeGraph _graph = new();

    protected override string[] MoreSettings =>
    [
        "--Graph:Enabled", "true", "--Graph:TeamsAppCatalogId", FakeGraph.CatalogAppId,
        "--Graph:BaseUrl", _graph.BaseUrl, "--Graph:ServiceUrl", Connector.ServiceUrl,
    ];

    protected override void ReplaceServices(IServiceCollection services) =>
        services.AddSingleton<IAccessTokenProvider>(new FakeGraph.FixedToken());

    public void Dispose() => _graph.Dispose();

    [Fact]
    public async Task SomeoneWhoNeverOpenedPmfBot_GetsItInstalled_AndTheirPromptsArriveInItsChat()
    {
        _graph.Answers("POST", $"/users/{PriyasAad}/teamwork/installedApps", 201, """{"id":"install-priya"}""");
        _graph.Answers("GET", $"/users/{PriyasAad}/teamwork/installedApps/install-priya/chat", 200, $$"""{"id":"{{PriyasNewChat}}"}""");

        await Scan.RunAsync(default);

        Assert.Contains(CardsPostedTo(PriyasNewChat), c => c.Contains("**CS 02**", StringComparison.Ordinal));
        var stored = await App.Services.GetRequiredService<ConversationStore>().GetPersonalAsync(PriyasAad, default);
        Assert.Equal((PriyasNewChat, Connector.ServiceUrl, ConversationState.Active), (stored?.ConversationId, stored?.ServiceUrl, stored?.State));
        Assert.Single(_graph.Requests, r => r.StartsWith($"POST /v1.0/users/{PriyasAad}/teamwork/installedApps", StringComparison.Ordinal));

        // Next time the chat is known: no second install.
        Clock.MoveTo(Clock.GetUtcNow().AddDays(1));
        await Scan.RunAsync(default);
        Assert.Single(_graph.Requests, r => r.StartsWith($"POST /v1.0/users/{PriyasAad}/teamwork/installedApps", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhenTheInstallIsRefused_ThePromptWaitsForInstall_AndNothingIsLost()
    {
        _graph.Answers("POST", $"/users/{PriyasAad}/teamwork/installedApps", 403, FakeGraph.Error("Forbidden", "Missing role permissions on the request."));

        var report = await Scan.RunAsync(default);

        Assert.DoesNotContain(Connector.Calls, c => c.Method == "POST");
        Assert.True(report.WaitingForInstall > 0);
        Assert.Null(await App.Services.GetRequiredService<ConversationStore>().GetPersonalAsync(PriyasAad, default));

        // Once the permission is granted, the next scan delivers.
        _graph.Server.Reset();
        _graph.Answers("POST", $"/users/{PriyasAad}/teamwork/installedApps", 201, """{"id":"install-priya"}""");
        _graph.Answers("GET", $"/users/{PriyasAad}/teamwork/installedApps/install-priya/chat", 200, $$"""{"id":"{{PriyasNewChat}}"}""");
        await Scan.RunAsync(default);
        Assert.Contains(CardsPostedTo(PriyasNewChat), c => c.Contains("**CS 02**", StringComparison.Ordinal));
    }
}
