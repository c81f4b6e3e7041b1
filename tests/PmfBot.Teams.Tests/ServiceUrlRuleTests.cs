using PmfBot.Teams.Auth;
using PmfBot.Teams.Hosting;

namespace PmfBot.Teams.Tests;

public class ServiceUrlRuleTests
{
    private static readonly ServiceUrlRule Production =
        new(BotOptions.PublicCloudServiceUrlHosts, IsDevelopment: false);

    private static readonly ServiceUrlRule Development =
        new(BotOptions.PublicCloudServiceUrlHosts, IsDevelopment: true);

    [Theory]
    [InlineData("https://smba.trafficmanager.net/uk/")]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://SMBA.trafficmanager.net/teams/")]
    [InlineData("https://webchat.botframework.com/")]
    [InlineData("https://europe.webchat.botframework.com/")]
    public void Production_TheCloudsHosts_AreAllowed(string url) => Assert.Null(Production.Problem(url));

    [Theory]
    [InlineData("file:///etc/passwd", "not an absolute URL")]
    [InlineData("/etc/passwd", "not an absolute URL")]
    [InlineData("ftp://smba.trafficmanager.net/uk/", "must be https")]
    [InlineData("javascript:alert(1)", "must be https")]
    [InlineData("not a url", "not an absolute URL")]
    [InlineData("", "not an absolute URL")]
    [InlineData("https://smba.trafficmanager.net:99999/uk/", "not an absolute URL")]
    [InlineData("http://smba.trafficmanager.net/uk/", "must be https")]
    [InlineData("http://127.0.0.1:56150/", "must be https")]
    [InlineData("https://evil.example.com/uk/", "host evil.example.com is not one of Bot:ServiceUrlHosts")]
    [InlineData("https://botframework.com.evil.example/", "is not one of Bot:ServiceUrlHosts")]
    [InlineData("https://evilbotframework.com/", "is not one of Bot:ServiceUrlHosts")]
    [InlineData("https://smba.trafficmanager.net.evil.example/", "is not one of Bot:ServiceUrlHosts")]
    [InlineData("https://user:pass@smba.trafficmanager.net/uk/", "user, a query or a fragment")]
    [InlineData("https://smba.trafficmanager.net/uk/?next=http://evil", "user, a query or a fragment")]
    [InlineData("https://smba.trafficmanager.net/uk/#x", "user, a query or a fragment")]
    public void Production_AnythingElse_IsRefused(string url, string problem) =>
        Assert.Contains(problem, Production.Problem(url), StringComparison.Ordinal);

    [Fact]
    public void Production_ALongerUrlThanAnyRealOne_IsRefused() =>
        Assert.NotNull(Production.Problem(
            "https://smba.trafficmanager.net/" + new string('a', ServiceUrlRule.MaxLength)));

    [Theory]
    [InlineData("http://127.0.0.1:56150/_connector")]
    [InlineData("http://localhost:3978/")]
    [InlineData("http://[::1]:3978/")]
    [InlineData("https://127.0.0.1:3979/")]
    [InlineData("https://smba.trafficmanager.net/uk/")] // a dev tunnel to real Teams
    public void Development_Loopback_AndTheCloudsHosts_AreAllowed(string url) => Assert.Null(Development.Problem(url));

    [Theory]
    [InlineData("http://10.0.0.5/")]
    [InlineData("http://example.com/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://evil.example.com/")]
    public void Development_BeyondLoopbackAndTheHosts_IsRefused(string url) => Assert.NotNull(Development.Problem(url));

    [Fact]
    public void ASovereignCloud_ListsItsOwnHosts()
    {
        var gcc = new ServiceUrlRule(["smba.infra.gcc.teams.microsoft.com"], IsDevelopment: false);

        Assert.Null(gcc.Problem("https://smba.infra.gcc.teams.microsoft.com/teams"));
        Assert.NotNull(gcc.Problem("https://smba.trafficmanager.net/uk/"));
    }
}
