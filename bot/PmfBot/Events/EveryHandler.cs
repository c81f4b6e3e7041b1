namespace PmfBot.Events;

/// <summary>
/// Runs every handler of an event, whatever the others do: one failing never stops the rest, and the event stays in
/// the outbox for all of them to run again.
/// </summary>
internal static class EveryHandler
{
    /// <returns>How many failed.</returns>
    public static async Task<int> RunAsync<THandler>(
        IEnumerable<THandler> handlers,
        Func<THandler, Task> handle,
        Action<THandler, Exception> failed,
        CancellationToken cancellationToken
    )
    {
        var failures = 0;
        foreach (var handler in handlers)
        {
            try
            {
                await handle(handler);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                failures++;
                failed(handler, e);
            }
        }

        return failures;
    }
}
