using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Azure.Data.Tables;

namespace PmfBot.Storage;

/// <summary>
/// Reads an untyped row as one of the typed entities, by property name, as the SDK would have.
/// For a range read that brings back several kinds of row in one request.
/// </summary>
internal static class TableEntityReader
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Settable = new();

    public static T As<T>(TableEntity row)
        where T : ITableEntity, new()
    {
        var entity = new T();
        foreach (
            var property in Settable.GetOrAdd(typeof(T), type =>
                [
                    .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                        .Where(p => p.CanWrite && p.Name != nameof(ITableEntity.ETag)),
                ]
            )
        )
        {
            if (row.TryGetValue(property.Name, out var value) && value is not null)
            {
                property.SetValue(
                    entity,
                    Convert(value, Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType)
                );
            }
        }

        entity.ETag = row.ETag;
        return entity;
    }

    private static object Convert(object value, Type type) =>
        value switch
        {
            _ when type.IsInstanceOfType(value) => value,
            DateTime time when type == typeof(DateTimeOffset) => new DateTimeOffset(
                DateTime.SpecifyKind(time, DateTimeKind.Utc)
            ),
            DateTimeOffset time when type == typeof(DateTime) => time.UtcDateTime,
            _ => System.Convert.ChangeType(value, type, CultureInfo.InvariantCulture),
        };
}
