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

    /// <summary>The parts PmfBot uses, each when it has the expected shape; null when the data isn't an object.</summary>
    public static TeamsChannelData? Read(JsonElement? channelData)
    {
        if (channelData is not { ValueKind: JsonValueKind.Object } data)
        {
            return null;
        }

        return new TeamsChannelData
        {
            Tenant = Id(data, "tenant") is { } tenant ? new TenantInfo(tenant) : null,
            Team = Id(data, "team") is { } team ? new TeamInfo(team, Text(data.GetProperty("team"), "name"), Text(data.GetProperty("team"), "aadGroupId")) : null,
            Channel = Id(data, "channel") is { } channel ? new ChannelInfo(channel, Text(data.GetProperty("channel"), "name")) : null,
            EventType = Text(data, "eventType"),
        };
    }

    /// <summary>The "id" of an object property, when both are there and of the right kind.</summary>
    private static string? Id(JsonElement data, string name) =>
        data.TryGetProperty(name, out var part) && part.ValueKind == JsonValueKind.Object ? Text(part, "id") : null;

    private static string? Text(JsonElement data, string name) =>
        data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}

public sealed record TenantInfo(string Id);

public sealed record TeamInfo(string Id, string? Name = null, string? AadGroupId = null);

public sealed record ChannelInfo(string Id, string? Name = null);
