using System.Diagnostics.Tracing;
using Azure.Core.Diagnostics;

namespace PmfBot.Benchmarks.Scale;

/// <summary>Counts the requests the Azure SDK makes to table storage while it is listening (Azure.Core's "Request" event).</summary>
public sealed class StorageOperations : IDisposable
{
    private readonly AzureEventSourceListener _listener;
    private int _requests;

    public StorageOperations() =>
        _listener = new AzureEventSourceListener(
            (e, _) =>
            {
                if (e.EventName == "Request")
                {
                    Interlocked.Increment(ref _requests);
                }
            },
            EventLevel.Informational);

    public int Requests => Volatile.Read(ref _requests);

    public void Dispose() => _listener.Dispose();
}
