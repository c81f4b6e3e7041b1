using Microsoft.Extensions.Options;
using PmfBot.Domain.People;
using PmfBot.Storage.Catalogue;
using PmfBot.Storage.Cover;
using PmfBot.Storage.People;

namespace PmfBot.Features.Retention;

/// <summary>What one sweep deleted.</summary>
public sealed record SweepReport(int CoverDeleted, int LeaversForgotten);

/// <summary>
/// Deletes the personal data PmfBot keeps only to run the cycle, once it has served: cover arrangements that ended
/// long enough ago, and leavers the catalogue no longer names (<see cref="PersonalDataRetention"/>). On the scheduler
/// leader, once a day, whatever the audit trail's setting: these are not records.
/// </summary>
public sealed partial class PersonalDataSweep(
    CoverStore cover,
    LeaverStore leavers,
    CatalogueStore catalogue,
    TimeProvider time,
    IOptions<RetentionOptions> options,
    ILogger<PersonalDataSweep> logger
) : Scheduling.IScheduledWork
{
    public string What => "The personal data sweep";

    Task Scheduling.IScheduledWork.RunScheduledAsync(CancellationToken cancellationToken) =>
        RunAsync(cancellationToken);

    public async Task<SweepReport> RunAsync(CancellationToken cancellationToken)
    {
        var rules = options.Value.ToPersonalData();
        var now = time.GetUtcNow();
        var coverDeleted = await cover.DeleteEndedBeforeAsync(rules.CoverEndedBefore(now), cancellationToken);

        var council = await catalogue.LoadAsync(cancellationToken);
        var forgotten = 0;
        foreach (var leaver in (await leavers.GetAllAsync(cancellationToken)).Values)
        {
            if (rules.Forgets(leaver, OwnerlessWork.StillNamed(council, leaver.Person), now))
            {
                await leavers.DeleteAsync(leaver.Person, cancellationToken);
                forgotten++;
            }
        }

        if (coverDeleted + forgotten > 0)
        {
            LogSwept(logger, coverDeleted, forgotten);
        }

        return new SweepReport(coverDeleted, forgotten);
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Deleted {Cover} ended delegations and snoozes, and {Leavers} leavers the catalogue no longer names"
    )]
    private static partial void LogSwept(ILogger logger, int cover, int leavers);
}
