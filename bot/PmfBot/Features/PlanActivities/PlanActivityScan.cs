using PmfBot.Council;
using PmfBot.Delivery;

namespace PmfBot.Features.PlanActivities;

/// <summary>
/// The activity scan: each open activity's quarterly progress report, prompted and chased once per step.
/// </summary>
public sealed partial class PlanActivityScan(
    CouncilToday council,
    PlanActivityReports reports,
    ILogger<PlanActivityScan> logger
) : IDueWork
{
    public string What => "The activity scan";

    Task Scheduling.IScheduledWork.RunScheduledAsync(CancellationToken cancellationToken) =>
        RunAsync(cancellationToken);

    public async Task<SendReport> RunAsync(CancellationToken cancellationToken)
    {
        var report = SendReport.Of(
            await reports.SendDueAsync(await council.LoadAsync(cancellationToken), cancellationToken)
        );
        if (report.Due > 0)
        {
            LogReport(logger, report);
        }

        return report;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity scan: {Report}")]
    private static partial void LogReport(ILogger logger, SendReport report);
}
