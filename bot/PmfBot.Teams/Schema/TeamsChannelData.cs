using System.Text.Json;
using System.Text.Json.Serialization;

namespace PmfBot.Teams.Schema;

/// <summary>Teams' <c>channelData</c>: tenant, team and channel, and the kind of conversation event.</summary>
public sealed record TeamsChannelData
{
    public TenantInfo? Tenant { get; init; }
    public TeamInfo? Team { get; init; }
    public ChannelInfo? Channel { get; init; }

    /// <summary>For conversationUpdate: "teamMemberAdded", "channelCreated", …</summary>
    public string? EventType { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; init; }
}

public sealed record TenantInfo(string Id);

public sealed record TeamInfo(string Id, string? Name = null, string? AadGroupId = null);

public sealed record ChannelInfo(string Id, string? Name = null);
