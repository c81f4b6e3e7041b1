using System.Collections.Concurrent;

namespace PmfBot.Bot;

/// <summary>
/// Cards a turn owes someone else (the escalation owner's card after an owner's Red figure), sent
/// once the turn has answered, so a person's answer never waits on another chat's queue under
/// Teams' limits. Each send is claimed in storage as always; if this instance stops before one is
/// done, the next due scan sends it (it delivers whatever an open escalation still owes).
/// </summary>
public sealed partial class BackgroundSends(ILogger<BackgroundSends> logger) : IHostedService, IDisposable
{
    // The sends the current turn has asked for, held until it has answered (see HoldUntilAnswered).
    private static readonly AsyncLocal<List<(string What, Func<CancellationToken, Task> Send)>?> Held = new();

    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, string> _running = new();

    /// <summary>
    /// Holds the sends this turn starts until the returned scope is disposed, once the turn has
    /// answered: a reply posted to the chat then comes before the cards the turn set off.
    /// </summary>
    public IDisposable HoldUntilAnswered()
    {
        var held = new List<(string, Func<CancellationToken, Task>)>();
        Held.Value = held;
        return new Scope(this, held);
    }

    /// <param name="what">For the log, should it fail: "CS 02 FY2026-M07 escalation cards".</param>
    public void Start(string what, Func<CancellationToken, Task> send)
    {
        if (Held.Value is { } held)
        {
            lock (held)
            {
                held.Add((what, send));
            }

            return;
        }

        StartNow(what, send);
    }

    private void StartNow(string what, Func<CancellationToken, Task> send)
    {
        var running = RunAsync(what, send);
        _running.TryAdd(running, what);
        _ = running.ContinueWith(
            done => _running.TryRemove(done, out _),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default
        );
    }

    /// <summary>Completes when nothing is running: every send started so far, and any they started, is done.</summary>
    public async Task WhenIdleAsync()
    {
        while (!_running.IsEmpty)
        {
            await Task.WhenAll(_running.Keys);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Lets the sends in flight finish within the host's shutdown time, then cancels the rest.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WhenIdleAsync().WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await _stopping.CancelAsync();
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RunAsync(string what, Func<CancellationToken, Task> send)
    {
        await Task.Yield(); // the turn goes on at once
        try
        {
            await send(_stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested) { }
        catch (Exception e)
        {
            LogFailed(logger, e, what);
        }
    }

    private sealed class Scope(BackgroundSends sends, List<(string What, Func<CancellationToken, Task> Send)> held)
        : IDisposable
    {
        public void Dispose()
        {
            Held.Value = null;
            lock (held)
            {
                foreach (var (what, send) in held)
                {
                    sends.StartNow(what, send);
                }

                held.Clear();
            }
        }
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Sending {What} after the turn failed; the next due scan sends what is still owed"
    )]
    private static partial void LogFailed(ILogger logger, Exception exception, string what);
}
