using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using Azure.Core.Diagnostics;

namespace PmfBot.Benchmarks.Scale;

/// <summary>
/// Counts the requests the Azure SDK makes to one set of tables (those named with the prefix, on
/// the Table service at <c>tableEndpoint</c>, and entity-group transactions, which are posted to the
/// service's "$batch") while it is listening, from Azure.Core's "Request" event: other tables' traffic in
/// the process is not counted, nor the Blob service's (the scheduler leader renewing its lease, whose
/// blob is named with the same prefix).
/// </summary>
public sealed class StorageOperations : IDisposable
{
    private readonly AzureEventSourceListener _listener;
    private readonly ConcurrentDictionary<string, int> _byKind = new(StringComparer.Ordinal);
    private int _requests;

    /// <param name="countTransactions">
    /// Count entity-group transactions too. Their address names no table, so only where nothing else in the
    /// process uses the same storage (the benchmark process, not the tests running side by side).
    /// </param>
    public StorageOperations(Uri tableEndpoint, string tablePrefix, bool countTransactions = false)
    {
        var tables = tableEndpoint.AbsoluteUri.TrimEnd('/') + "/";
        _listener = new AzureEventSourceListener(
            (e, _) =>
            {
                if (e.EventName != "Request" || Payload(e, "uri") is not { } uri)
                {
                    return;
                }

                var path = uri.StartsWith(tables, StringComparison.OrdinalIgnoreCase) ? uri[tables.Length..] : "";
                if (path.StartsWith(tablePrefix, StringComparison.OrdinalIgnoreCase)
                    || (countTransactions && path.StartsWith("$batch", StringComparison.Ordinal)))
                {
                    Interlocked.Increment(ref _requests);
                    var table = TableOf(path.StartsWith('$') ? path : path[tablePrefix.Length..]);
                    _byKind.AddOrUpdate($"{Payload(e, "method")} {table}", 1, (_, n) => n + 1);
                }
            },
            EventLevel.Informational
        );
    }

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Requests by method and table ("GET Results", "POST $batch"), most first.</summary>
    public IReadOnlyList<(string Kind, int Requests)> ByKind =>
        [.. _byKind.Select(kind => (kind.Key, kind.Value)).OrderByDescending(kind => kind.Value)];

    private static string? Payload(EventWrittenEventArgs e, string name) =>
        e.PayloadNames?.IndexOf(name) is >= 0 and var at ? e.Payload?[at] as string : null;

    /// <summary>"Results(PartitionKey='…',RowKey='…')?…" → "Results"; "$batch" stays itself.</summary>
    private static string TableOf(string path) => path.Split('(', '?', '/')[0];

    public void Dispose() => _listener.Dispose();
}
