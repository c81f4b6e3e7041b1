using PmfBot.Storage.Catalogue;
using PmfBot.Storage.People;

namespace PmfBot.Features.People;

/// <summary>
/// Without Graph, nothing else looks at leavers again: this finishes what "person left" couldn't, on the scheduler
/// leader — chiefly telling a member of the performance team who could not be reached then (they had not opened
/// PmfBot). With Graph on, the leaver check does the same as it goes.
/// </summary>
public sealed class UnfinishedDepartures(CatalogueStore catalogue, LeaverStore leavers, Departures departures)
    : Scheduling.IScheduledWork
{
    public string What => "The unfinished departures";

    Task Scheduling.IScheduledWork.RunScheduledAsync(CancellationToken cancellationToken) =>
        RunAsync(cancellationToken);

    /// <returns>The departures finished (or tried again) this run.</returns>
    public async Task<IReadOnlyList<Departure>> RunAsync(CancellationToken cancellationToken)
    {
        var council = await catalogue.LoadAsync(cancellationToken);
        var finished = new List<Departure>();
        foreach (var leaver in (await leavers.GetAllAsync(cancellationToken)).Values)
        {
            if (departures.IsUnfinished(leaver, council))
            {
                finished.Add(await departures.RecordAsync(leaver.Person, leaver.Why, cancellationToken));
            }
        }

        return finished;
    }
}
