using System.Text.Json;

namespace PmfBot.Teams.Schema;

/// <summary>Teams' <c>channelData</c>: tenant, team and channel, and the kind of conversation event.</summary>
/// <remarks>
/// Read tolerantly (<see cref="Read"/>): a part of the wrong shape (a tenant given as a string, a
/// numeric eventType) is taken as absent, never as an error, so odd channel data can't fail a turn.
/// </remarks>
public sealed record TeamsChannelData
{
    public TenantInfo? Tenant { get; init; }
    public TeamInfo? Team { get; init; }
    public ChannelInfo? Channel { get; init; }

    /// <summary>For conversationUpdate: "teamMemberAdded", "channelCreated", …</summary>
    public string? EventType { get; init; }

    /// <summary>The parts PmfBot uses, each when it has the expected shape; null when it isn't an object.</summary>
    public static TeamsChannelData? Read(JsonElement? channelData)
    {
        if (channelData is not { ValueKind: JsonValueKind.Object } data)
        {
            return null;
        }

        var tenant = Part(data, "tenant");
        var team = Part(data, "team");
        var channel = Part(data, "channel");
        return new TeamsChannelData
        {
            Tenant = Text(tenant, "id") is { } tenantId ? new TenantInfo(tenantId) : null,
            Team = Text(team, "id") is { } teamId
                ? new TeamInfo(teamId, Text(team, "name"), Text(team, "aadGroupId"))
                : null,
            Channel = Text(channel, "id") is { } channelId ? new ChannelInfo(channelId, Text(channel, "name")) : null,
            EventType = Text(data, "eventType"),
        };
    }

    /// <summary>An object property; default (Undefined) when it is missing or not an object.</summary>
    private static JsonElement Part(JsonElement data, string name) =>
        data.TryGetProperty(name, out var part) && part.ValueKind == JsonValueKind.Object ? part : default;

    /// <summary>A non-empty string property of an object; null otherwise (or when there is no object).</summary>
    private static string? Text(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object
        && data.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
        && value.GetString() is { Length: > 0 } text
            ? text
            : null;
}

public sealed record TenantInfo(string Id);

public sealed record TeamInfo(string Id, string? Name = null, string? AadGroupId = null);

public sealed record ChannelInfo(string Id, string? Name = null);
