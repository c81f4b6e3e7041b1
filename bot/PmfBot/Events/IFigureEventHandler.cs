using PmfBot.Domain.Results;

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

    Task HandleAsync(FigureEvent figureEvent, CancellationToken cancellationToken);
}
