using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;

namespace PmfBot.Storage;

/// <summary>
/// Counts the writes this process makes to a table, so that something kept from it in memory can tell at once
/// that it changed here, without asking storage. Other instances' writes are not counted: what is kept expires.
/// </summary>
public static class LocalWrites
{
    private static readonly ConcurrentDictionary<string, StrongBox<long>> Counts = new(StringComparer.Ordinal);

    /// <summary>How many writes this process has made to the table: compare two readings.</summary>
    public static long Of(TableClient table) => Volatile.Read(ref CountOf(table).Value);

    /// <summary>A write to the table has completed.</summary>
    internal static void Made(TableClient table) => Interlocked.Increment(ref CountOf(table).Value);

    private static StrongBox<long> CountOf(TableClient table) => Counts.GetOrAdd(table.Uri.AbsoluteUri, _ => new());
}
