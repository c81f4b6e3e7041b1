using PmfBot.Domain.Catalogue;

namespace PmfBot.Events;

/// <summary>
/// Something that follows from a figure being recorded or corrected. Runs right after the turn
/// has answered, and again from the outbox until every handler has succeeded once in the same
/// run, so it must be idempotent: handling the same event twice, or an older event after a
/// newer one, changes nothing the second time.
/// </summary>
public interface IFigureEventHandler
{
    /// <summary>What it does, for the log: "standings".</summary>
    string Name { get; }

    /// <summary>Runs after every other handler, to take in what they did (the standings take in escalations).</summary>
    bool TakesInTheOthers => false;

    Task HandleAsync(FigureEventContext context, CancellationToken cancellationToken);
}

/// <summary>
/// A handler that can say beforehand, in the answer to whoever entered the figure, what it is
/// about to do ("Escalated to Priya Shah …"): from the same rules it will act on, reading only.
/// </summary>
public interface IFigureEventForecast
{
    /// <returns>A sentence for <paramref name="toldTo"/>, or null when there is nothing to say.</returns>
    Task<string?> ForetellAsync(FigureEventContext context, PersonId toldTo, CancellationToken cancellationToken);
}

/// <summary>
/// Takes in what a refresh marker names (see OutboxEntities.cs): what its source now holds, read from the source
/// itself, so running it twice, or for a change that never happened, changes nothing.
/// </summary>
public interface IOutboxRefresh
{
    /// <summary>Takes the source in and lets the marker go; throws to leave it for the next outbox run.</summary>
    Task RefreshAsync(Storage.Outbox.PendingEvent marker, CancellationToken cancellationToken);
}
