using PmfBot.Domain.Catalogue;
using PmfBot.Domain.People;
using PmfBot.Storage.Catalogue;
using PmfBot.Storage.People;

namespace PmfBot.Features.People;

/// <summary>
/// Asks the directory, on the scheduler leader, whether each person in the catalogue is still here:
/// a disabled or deleted account is a leaver (see <see cref="Departures"/>). Someone whose account is
/// enabled again is back. When the directory can't be asked, nobody is judged: the next run asks again.
/// </summary>
public sealed partial class LeaverCheck(
    CatalogueStore catalogue,
    PeopleDirectory directory,
    LeaverStore leavers,
    Departures departures,
    Microsoft.Extensions.Options.IOptions<GraphOptions> options,
    ILogger<LeaverCheck> logger
) : Scheduling.IScheduledWork
{
    public string What => "The leaver check";

    Task Scheduling.IScheduledWork.RunScheduledAsync(CancellationToken cancellationToken) =>
        RunAsync(cancellationToken);

    /// <returns>The leavers found (or finished) this run.</returns>
    public async Task<IReadOnlyList<Departure>> RunAsync(CancellationToken cancellationToken)
    {
        var council = await catalogue.LoadAsync(cancellationToken);
        var known = await leavers.GetAllAsync(cancellationToken);
        var gone = new List<(PersonId Person, LeavingReason Why)>();
        var back = new List<PersonId>();
        foreach (var person in council.People.Where(p => p.AadObjectId is { Length: > 0 }))
        {
            var account = await directory.AccountOfAsync(person.AadObjectId!, cancellationToken);
            known.TryGetValue(person.Id, out var recorded);
            switch (account)
            {
                case DirectoryResult<DirectoryAccount>.Found { Value.Enabled: false }:
                    gone.Add((person.Id, LeavingReason.AccountDisabled));
                    break;
                case DirectoryResult<DirectoryAccount>.NotFound:
                    gone.Add((person.Id, LeavingReason.RemovedFromDirectory));
                    break;
                case DirectoryResult<DirectoryAccount>.Found
                    when recorded is { Why: not LeavingReason.MarkedByPerformanceTeam }:
                    back.Add(person.Id); // their account is enabled again: so they are back
                    break;
                case DirectoryResult<DirectoryAccount>.Found:
                    break;
                default:
                    // Throttled, refused or down: asking the rest now would fare no better, and judging half the
                    // council is worse than judging nobody until the next run.
                    LogCantAsk(logger, Reason(account));
                    return [];
            }
        }

        // Only those the catalogue still names count towards the guard: someone it names nowhere (an old owner kept for
        // the history's names) changes nothing anyone is prompted for, however many are found at once.
        var newlyGone = gone.Count(g => !known.ContainsKey(g.Person) && OwnerlessWork.StillNamed(council, g.Person));
        if (newlyGone > options.Value.MaxLeaversPerCheck)
        {
            LogTooMany(logger, newlyGone, options.Value.MaxLeaversPerCheck);
            return [];
        }

        foreach (var person in back)
        {
            await leavers.DeleteAsync(person, cancellationToken);
            LogReturned(logger);
        }

        var found = new List<Departure>();
        foreach (var (person, why) in gone)
        {
            if (!known.TryGetValue(person, out var recorded) || departures.IsUnfinished(recorded, council))
            {
                found.Add(await departures.RecordAsync(person, why, cancellationToken));
            }
        }

        return found;
    }

    private static string Reason<T>(DirectoryResult<T> result) =>
        result switch
        {
            DirectoryResult<T>.MissingPermission m => m.Reason,
            DirectoryResult<T>.Throttled t => t.Reason,
            DirectoryResult<T>.Failed f => f.Reason,
            _ => result.ToString(),
        };

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "The leaver check found {Count} new leavers at once, more than Graph:MaxLeaversPerCheck ({Max}): "
            + "more likely a fault than people leaving, so nobody was recorded. Record a real mass departure with "
            + "\"person left\"."
    )]
    private static partial void LogTooMany(ILogger logger, int count, int max);

    [LoggerMessage(Level = LogLevel.Information, Message = "A leaver's account is enabled again: no longer a leaver")]
    private static partial void LogReturned(ILogger logger);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "The leaver check stopped: {Reason} Nobody was judged; the next run asks again."
    )]
    private static partial void LogCantAsk(ILogger logger, string reason);
}
