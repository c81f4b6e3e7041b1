using PmfBot.Council;
using PmfBot.Delivery;

namespace PmfBot.Features.PlanActivities;

/// <summary>
/// The activity scan: each open activity's quarterly progress report, prompted and chased once per step.
/// </summary>
public sealed class PlanActivityScan(CouncilToday council, PlanActivityReports reports) : IDueWork
{
    public string What => "The activity scan";

    public async Task<SendReport> RunAsync(CancellationToken cancellationToken)
    {
        var report = SendReport.Of(
            await reports.SendDueAsync(await council.LoadAsync(cancellationToken), cancellationToken)
        );

        return report;
    }
}
