using PmfBot.Storage.Outbox;

namespace PmfBot.Events;

/// <summary>
/// The outbox markers of handled events, let go a batch at a time: one storage request for the events handled in
/// a quarter of a second, not one for each. A marker left behind (the process stopped first) points at nothing, and
/// the outbox run lets it go when it next looks.
/// </summary>
public sealed partial class HandledMarkers(
    OutboxStore outbox,
    Bot.BackgroundSends background,
    ILogger<HandledMarkers> logger
)
{
    /// <summary>How long markers gather before they are let go together (real time).</summary>
    public static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(250);

    private readonly object _gate = new();
    private List<string> _handled = [];
    private bool _letting;

    /// <param name="handledEvent">
    /// The event's marker key: a <see cref="Domain.Results.FigureEvent.Key"/> or a
    /// <see cref="Domain.PlanActivities.ProgressReported.Key"/>.
    /// </param>
    public void Add(string handledEvent)
    {
        lock (_gate)
        {
            _handled.Add(handledEvent);
            if (_letting)
            {
                return;
            }

            _letting = true;
        }

        background.Start("outbox markers of handled events", LetGoAsync);
    }

    private async Task LetGoAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await NextBatchAsync(cancellationToken) is { } batch)
            {
                try
                {
                    await outbox.ForgetAllAsync(batch, cancellationToken);
                }
                catch (Exception e) when (Storage.StorageFault.Is(e))
                {
                    LogNotLetGo(logger, e, batch.Count);
                }
            }
        }
        catch
        {
            lock (_gate)
            {
                _letting = false; // stopped early (the host stopping): whoever adds next starts again
            }

            throw;
        }
    }

    /// <summary>The markers gathered meanwhile; null when none came, and then the next to add starts again.</summary>
    private async Task<List<string>?> NextBatchAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(Gather, cancellationToken);
        lock (_gate)
        {
            var batch = _handled;
            _handled = [];
            _letting = batch.Count > 0;
            return _letting ? batch : null;
        }
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "{Count} outbox markers of handled events were not deleted; the outbox run lets them go"
    )]
    private static partial void LogNotLetGo(ILogger logger, Exception exception, int count);
}
