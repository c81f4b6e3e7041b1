using System.Text.Json;
using System.Text.Json.Serialization;

namespace PmfBot.Teams.Schema;

/// <summary>The wire's JSON conventions: camelCase, nulls left out, names read in any case.</summary>
public static class TeamsJson
{
    public static JsonSerializerOptions Options { get; } =
        new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
}
