using Azure;

namespace PmfBot.Storage.Tests;

public class StorageFaultTests
{
    public static TheoryData<string, Exception, bool, bool> Faults => new()
    {
        { "no answer (connection refused)", new RequestFailedException(0, "Connection refused"), true, true },
        { "server busy", new RequestFailedException(503, "Server busy"), true, true },
        { "internal error", new RequestFailedException(500, "Internal error"), true, true },
        { "throttled", new RequestFailedException(429, "Too many requests"), true, true },
        { "request timeout", new RequestFailedException(408, "Timeout"), true, true },
        {
            "the SDK's retries spent",
            new AggregateException(new RequestFailedException(0, "a"), new HttpRequestException("b")), true, true
        },
        { "network", new HttpRequestException("Connection reset"), true, true },
        { "the SDK's network timeout", new TaskCanceledException("timed out", new TimeoutException()), true, true },
        { "a missing table", new RequestFailedException(404, "TableNotFound"), false, true },
        { "a conflict", new RequestFailedException(409, "EntityAlreadyExists"), false, true },
        { "a bug", new InvalidOperationException("bug"), false, false },
        { "the caller cancelled", new TaskCanceledException("cancelled"), false, false },
        {
            "retries that met a bug",
            new AggregateException(new RequestFailedException(0, "a"), new InvalidOperationException("b")), false, false
        },
        { "no attempts at all", new AggregateException(), false, false },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void WhatAFailureMeans(string what, Exception failure, bool outage, bool fromStorage)
    {
        Assert.True(StorageFault.IsOutage(failure) == outage, $"{what}: outage should be {outage}");
        Assert.True(StorageFault.Is(failure) == fromStorage, $"{what}: from storage should be {fromStorage}");
    }
}
