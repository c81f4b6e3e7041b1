namespace PmfBot.Teams.Connector;

/// <summary>Teams' Retry-After, in seconds or as an HTTP date, as a wait from now.</summary>
internal static class RetryAfterHeader
{
    /// <returns>The wait (never negative), or null when the response has no Retry-After.</returns>
    public static TimeSpan? Wait(HttpResponseMessage response, TimeProvider time) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => null,
        };
}
