using Azure;

namespace PmfBot.Storage;

/// <summary>What a failure from storage means for the person waiting on it.</summary>
public static class StorageFault
{
    /// <summary>
    /// Storage couldn't be reached or couldn't serve just now (a network failure, a timeout, a 5xx,
    /// throttling): worth telling the person to try again, not a bug. The Azure SDK throws an
    /// <see cref="AggregateException"/> of its attempts once its retries are spent.
    /// </summary>
    public static bool IsOutage(Exception exception) =>
        exception switch
        {
            RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500,
            AggregateException all => all.InnerExceptions.Count > 0 && all.InnerExceptions.All(IsOutage),
            HttpRequestException or TimeoutException => true,
            TaskCanceledException { InnerException: TimeoutException } => true,
            _ => false,
        };

    /// <summary>
    /// Any failure that came from storage, an outage or a refusal (a missing table, a conflict):
    /// what a best-effort step after the essential write (copies, notices) may swallow and log.
    /// </summary>
    public static bool Is(Exception exception) =>
        exception is RequestFailedException
        || (exception is AggregateException { InnerExceptions.Count: > 0 } all && all.InnerExceptions.All(Is))
        || IsOutage(exception);
}
