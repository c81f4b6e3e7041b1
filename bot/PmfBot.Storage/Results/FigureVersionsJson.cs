using System.Text.Json;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Results;
using PmfBot.Domain.Status;

namespace PmfBot.Storage.Results;

/// <summary>A figure's earlier versions on its own row (and in a standing): a few small objects at most.</summary>
internal static class FigureVersionsJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write(FigureVersions versions) =>
        JsonSerializer.Serialize(
            versions.Select(v => new VersionJson(
                v.Version,
                v.Value,
                v.Rag?.ToString(),
                v.VsPrevious.ToString(),
                v.VsSamePeriodLastYear.ToString(),
                v.RecordedBy.Value,
                v.RecordedAt
            )),
            Json
        );

    public static FigureVersions Read(string json) =>
        new(
            (JsonSerializer.Deserialize<List<VersionJson>>(json, Json) ?? []).Select(v => new FigureVersion(
                v.Version,
                v.Value,
                v.Rag is null ? null : Enum.Parse<RagStatus>(v.Rag),
                Enum.Parse<DirectionOfTravel>(v.VsPrevious),
                Enum.Parse<DirectionOfTravel>(v.VsSamePeriodLastYear),
                PersonId.Parse(v.RecordedBy),
                v.RecordedAt
            ))
        );

    private sealed record VersionJson(
        int Version,
        decimal Value,
        string? Rag,
        string VsPrevious,
        string VsSamePeriodLastYear,
        string RecordedBy,
        DateTimeOffset RecordedAt
    );
}
