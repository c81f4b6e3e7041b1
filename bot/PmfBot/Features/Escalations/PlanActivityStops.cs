using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Escalations;
using PmfBot.Storage.Catalogue;

namespace PmfBot.Features.Escalations;

/// <summary>
/// "Stop the activity" on an activity's escalation marks it Stopped in the catalogue, so it is no longer prompted for
/// and shows as finished. The decision is stored first; the follow-up stops it again should this fail, so a stop is
/// never lost.
/// </summary>
public sealed partial class PlanActivityStops(CatalogueStore catalogue, ILogger<PlanActivityStops> logger)
{
    private const int Attempts = 3;

    /// <summary>Whether a settled escalation stopped its activity, and the catalogue doesn't say so yet.</summary>
    public static bool IsOwed(Escalation x, CouncilCatalogue council) =>
        x is { PlanActivity: { } code, State: not EscalationState.Open, Outcome.Kind: DecisionKind.Stop }
        && council.FindPlanActivity(code) is { Status: not PlanActivityStatus.Stopped };

    /// <returns>True once the catalogue has it Stopped (or no longer has it at all).</returns>
    public async Task<bool> StopAsync(Escalation x, CancellationToken cancellationToken)
    {
        try
        {
            return await TryStopAsync(x, cancellationToken);
        }
        catch (Azure.RequestFailedException e)
        {
            LogNotStopped(logger, x.Key, e);
            return false;
        }
    }

    private async Task<bool> TryStopAsync(Escalation x, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var editor = await catalogue.OpenAsync(cancellationToken);
            if (editor.Catalogue.FindPlanActivity(x.PlanActivity) is not { } activity)
            {
                return true;
            }

            if (activity.Status == PlanActivityStatus.Stopped)
            {
                return true;
            }

            var change = new CatalogueChange { Activities = [activity with { Status = PlanActivityStatus.Stopped }] };
            if (await editor.TryWriteAsync(change, cancellationToken) == CatalogueWriteOutcome.Written)
            {
                return true;
            }
        }

        LogNotStopped(logger, x.Key, null);
        return false;
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "{Escalation} was decided Stop, but the catalogue didn't take it; the follow-up stops it later"
    )]
    private static partial void LogNotStopped(ILogger logger, string escalation, Exception? exception);
}
