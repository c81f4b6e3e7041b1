using System.Collections.Concurrent;
using PmfBot.Council;
using PmfBot.Domain.Catalogue;

namespace PmfBot.Features.People;

/// <summary>
/// Line managers from Microsoft Graph (<c>/users/{id}/manager</c>). An answer is kept for a day,
/// as the due scan asks every few minutes and reporting lines change rarely; a failure is not kept,
/// so the next scan asks again, and meanwhile the chase goes to the escalation owner.
/// </summary>
public sealed partial class GraphLineManagers(
    PeopleDirectory directory,
    TimeProvider time,
    ILogger<GraphLineManagers> logger
) : ILineManagers
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    private readonly ConcurrentDictionary<string, (Person? Manager, DateTimeOffset Until)> _known = new(
        StringComparer.OrdinalIgnoreCase
    );

    public async Task<Person?> ManagerOfAsync(Person person, CancellationToken cancellationToken)
    {
        if (person.AadObjectId is not { Length: > 0 } aad)
        {
            return null; // not matched in the directory yet (catalogue import does that)
        }

        var now = time.GetUtcNow();
        if (_known.TryGetValue(aad, out var known) && known.Until > now)
        {
            return known.Manager;
        }

        switch (await directory.ManagerOfAsync(aad, cancellationToken))
        {
            case DirectoryResult<DirectoryPerson>.Found { Value: { Email: { } email } manager }:
                return Keep(aad, new Person(email, manager.Name, manager.AadObjectId), now);
            case DirectoryResult<DirectoryPerson>.Found or DirectoryResult<DirectoryPerson>.NotFound:
                return Keep(aad, null, now); // no manager, or one without a mailbox: nobody to chase by that route
            case var failed:
                LogNotAsked(logger, aad, failed.ToString());
                return null;
        }
    }

    private Person? Keep(string aad, Person? manager, DateTimeOffset now)
    {
        _known[aad] = (manager, now + KeptFor);
        return manager;
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Could not look up the line manager of {AadObjectId}: {Outcome}; chases go to the escalation owner "
            + "until it can"
    )]
    private static partial void LogNotAsked(ILogger logger, string aadObjectId, string outcome);
}
