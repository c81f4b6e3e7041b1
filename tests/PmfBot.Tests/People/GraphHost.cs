using Microsoft.Extensions.DependencyInjection;
using Microsoft.Kiota.Abstractions.Authentication;
using PmfBot.Tests.Updates;

namespace PmfBot.Tests.People;

/// <summary>The demo council's host with Graph on, against the fake Graph (only the Entra token is stood in for).</summary>
public abstract class GraphHost : UpdateCycleHost, IDisposable
{
    private protected FakeGraph Graph { get; } = new();

    protected override string[] MoreSettings =>
    [
        "--Graph:Enabled", "true", "--Graph:TeamsAppCatalogId", FakeGraph.CatalogAppId,
        "--Graph:BaseUrl", Graph.BaseUrl, "--Graph:ServiceUrl", Connector.ServiceUrl,
    ];

    protected override void ReplaceServices(IServiceCollection services) =>
        services.AddSingleton<IAccessTokenProvider>(new FakeGraph.FixedToken());

    public void Dispose()
    {
        Graph.Dispose();
        GC.SuppressFinalize(this);
    }
}
