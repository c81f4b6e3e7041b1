using Microsoft.Extensions.Options;
using PmfBot.Domain.Results;
using PmfBot.Storage.Results;

namespace PmfBot.Features.Retention;

/// <summary>
/// Deletes audit entries whose retention period has passed (<see cref="RetentionPeriod"/>), on the
/// scheduler leader, once a day: who entered or changed each figure, and who was prompted, reminded
/// or chased for it (with where their card was). Only the audit trail goes: the figures and their
/// commentary stay for the council's reports and trends.
/// </summary>
public sealed partial class AuditRetention(
    ResultStore results,
    Storage.Prompts.PromptStore prompts,
    TimeProvider time,
    IOptions<RetentionOptions> options,
    ILogger<AuditRetention> logger
) : Scheduling.IScheduledWork
{
    public string What => "The audit retention check";

    Task Scheduling.IScheduledWork.RunScheduledAsync(CancellationToken cancellationToken) =>
        RunAsync(cancellationToken);

    /// <returns>How many entries were deleted.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var period = new RetentionPeriod(options.Value.AuditFinancialYears);
        var before = period.DeleteBefore(time.GetUtcNow());
        var deleted =
            await results.DeleteAuditEntriesBeforeAsync(before, cancellationToken)
            + await prompts.DeleteClaimedBeforeAsync(before, cancellationToken);
        if (deleted > 0)
        {
            LogDeleted(logger, deleted, before, period.FinancialYearsAfter);
        }

        return deleted;
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Deleted {Count} audit entries and prompt records made before {Before:yyyy-MM-dd} (kept for their "
            + "financial year and {Years} more)"
    )]
    private static partial void LogDeleted(ILogger logger, int count, DateTimeOffset before, int years);
}
