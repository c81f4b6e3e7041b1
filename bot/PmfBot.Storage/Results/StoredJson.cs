using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.Results;

namespace PmfBot.Storage.Results;

/// <summary>
/// Figures, extensions and other rows as JSON, for rows that carry them whole (an outbox entry, a standing):
/// the same fields as their own rows, so one mapping reads both.
/// </summary>
internal static class StoredJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        // Commentary stays readable and short: no \uXXXX for every non-ASCII letter.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WithoutKeys } },
    };

    public static string Figure(MeasureResult figure) =>
        JsonSerializer.Serialize(ResultMapping.ToEntity(figure), Options);

    public static MeasureResult Figure(string json) => ResultMapping.ToDomain(Read<ResultEntity>(json));

    public static string Figures(IEnumerable<MeasureResult> figures) =>
        JsonSerializer.Serialize(figures.Select(ResultMapping.ToEntity), Options);

    public static IReadOnlyList<MeasureResult> Figures(string json) =>
        [.. Read<List<ResultEntity>>(json).Select(ResultMapping.ToDomain)];

    public static string Extensions(IEnumerable<DeadlineExtension> extensions) =>
        JsonSerializer.Serialize(extensions.Select(ResultMapping.ToEntity), Options);

    public static IReadOnlyList<DeadlineExtension> Extensions(string json) =>
        [.. Read<List<ExtensionEntity>>(json).Select(ResultMapping.ToDomain)];

    /// <summary>Rows of any kind, their keys left out but their RowKey.</summary>
    public static string Rows<T>(IEnumerable<T> rows)
        where T : StoredEntity => JsonSerializer.Serialize(rows, Options);

    public static IReadOnlyList<T> Rows<T>(string json)
        where T : StoredEntity => Read<List<T>>(json);

    private static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException("A stored JSON value is empty.");

    // The partition and ETag belong to the row it came from; the RowKey stays (an extension's id is in it).
    private static void WithoutKeys(JsonTypeInfo type)
    {
        if (!typeof(StoredEntity).IsAssignableFrom(type.Type))
        {
            return;
        }

        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            if (
                type.Properties[i].Name
                is nameof(StoredEntity.PartitionKey)
                    or nameof(StoredEntity.Timestamp)
                    or nameof(StoredEntity.ETag)
            )
            {
                type.Properties.RemoveAt(i);
            }
        }
    }
}
