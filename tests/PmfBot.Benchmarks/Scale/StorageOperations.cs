using System.Diagnostics.Tracing;
using Azure.Core.Diagnostics;

namespace PmfBot.Benchmarks.Scale;

/// <summary>
/// Counts the requests the Azure SDK makes to one set of tables (those named with the prefix, on
/// the Table service at <c>tableEndpoint</c>) while it is listening, from Azure.Core's "Request"
/// event: other tables' traffic in the process is not counted, nor the Blob service's (the
/// scheduler leader renewing its lease, whose blob is named with the same prefix).
/// </summary>
public sealed class StorageOperations : IDisposable
{
    private readonly AzureEventSourceListener _listener;
    private int _requests;

    public StorageOperations(Uri tableEndpoint, string tablePrefix) =>
        _listener = new AzureEventSourceListener(
            (e, _) =>
            {
                var uri = e.PayloadNames?.IndexOf("uri") is >= 0 and var at ? e.Payload?[at] as string : null;
                if (e.EventName == "Request" && uri is not null && uri.StartsWith(tableEndpoint.AbsoluteUri.TrimEnd('/') + "/" + tablePrefix, StringComparison.OrdinalIgnoreCase))
                {
                    Interlocked.Increment(ref _requests);
                }
            },
            EventLevel.Informational);

    public int Requests => Volatile.Read(ref _requests);

    public void Dispose() => _listener.Dispose();
}
