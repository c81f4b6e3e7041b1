using Microsoft.Extensions.Options;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Digests;

namespace PmfBot.Tab;

/// <summary>
/// Links to the Performance tab's page, filtered as its address allows ("?scope=service:housing&amp;status=Red",
/// "&amp;overdue=1", "&amp;measure=NI 192"). Locally, with demo sign-in, the link signs in as the person it is for
/// (none for a card shared with others).
/// </summary>
public sealed class TabLinks(PublicAddress address, IOptions<TabOptions> options)
{
    public Uri For(
        Person? reader,
        DigestScope? scope = null,
        string? status = null,
        bool overdue = false,
        MeasureReference? measure = null
    )
    {
        var query = new List<string>();
        if (scope is { Kind: not ScopeKind.Council, Code: { } code })
        {
            query.Add(
                $"scope={(scope.Kind == ScopeKind.Service ? "service" : "department")}:{Uri.EscapeDataString(code)}"
            );
        }

        if (status is not null)
        {
            query.Add($"status={Uri.EscapeDataString(status)}");
        }

        if (overdue)
        {
            query.Add("overdue=1");
        }

        if (measure is { } m)
        {
            query.Add($"measure={Uri.EscapeDataString(m.Value)}");
        }

        if (options.Value.AllowDemoSignIn && reader is not null)
        {
            query.Add($"as={Uri.EscapeDataString(reader.Id.Value)}");
        }

        return new Uri(address.Base, query.Count == 0 ? "tab/" : $"tab/?{string.Join('&', query)}");
    }
}
