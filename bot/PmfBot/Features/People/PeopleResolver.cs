using PmfBot.Domain.Catalogue;
using PmfBot.Storage.Catalogue;

namespace PmfBot.Features.People;

/// <summary>What matching the catalogue's people to the directory came to, in words for the performance team.</summary>
/// <param name="Matched">People given their Entra object id now.</param>
/// <param name="NotFound">People the directory doesn't know, with what they are in the catalogue: "ann.other@… (owner
/// of CS 02)".</param>
/// <param name="Stopped">Why matching stopped early (a missing permission, throttling), or null.</param>
public sealed record PeopleReport(
    IReadOnlyList<Person> Matched,
    IReadOnlyList<string> NotFound,
    string? Stopped,
    bool DryRun
)
{
    public string Summary =>
        $"Directory{(DryRun ? " (dry run: nothing written)" : string.Empty)}: {Matched.Count} matched to their Entra "
        + $"accounts, {NotFound.Count} not found."
        + (Stopped is null ? string.Empty : $" Stopped: {Stopped}");
}

/// <summary>
/// Gives the catalogue's people (owners, escalation owners, Heads of Service…, known by work
/// email) their Entra object ids from the directory, so Teams can reach them before they ever
/// open PmfBot. Run after each catalogue import; people already matched are not asked again.
/// </summary>
public sealed class PeopleResolver(PeopleDirectory directory, CatalogueStore store)
{
    public async Task<PeopleReport> ResolveAsync(bool dryRun, CancellationToken cancellationToken)
    {
        var editor = await store.OpenAsync(cancellationToken);
        var catalogue = editor.Catalogue;
        var matched = new List<Person>();
        var notFound = new List<string>();
        string? stopped = null;
        foreach (var person in catalogue.People.Where(p => string.IsNullOrEmpty(p.AadObjectId)))
        {
            var found = await directory.FindAsync(person.Id, cancellationToken);
            if (found is DirectoryResult<DirectoryPerson>.Found { Value: var entry })
            {
                matched.Add(person with { AadObjectId = entry.AadObjectId });
            }
            else if (found is DirectoryResult<DirectoryPerson>.NotFound)
            {
                notFound.Add($"{person.Id} ({RolesOf(person.Id, catalogue)})");
            }
            else
            {
                stopped = found switch
                {
                    DirectoryResult<DirectoryPerson>.MissingPermission m => m.Reason,
                    DirectoryResult<DirectoryPerson>.Throttled t => t.Reason,
                    DirectoryResult<DirectoryPerson>.Failed f => f.Reason,
                    _ => found.ToString(),
                };
                break; // the same would happen for everyone else
            }
        }

        if (!dryRun)
        {
            foreach (var chunk in matched.Chunk(CatalogueEditor.MaxChange))
            {
                await editor.TryWriteAsync(new CatalogueChange { People = chunk }, cancellationToken);
            }
        }

        return new PeopleReport(matched, notFound, stopped, dryRun);
    }

    private static string RolesOf(PersonId person, CouncilCatalogue catalogue)
    {
        var roles = catalogue
            .Measures.Where(m => m.Owner == person)
            .Select(m => $"owner of {m.Reference}")
            .Concat(
                catalogue
                    .Measures.Where(m => m.EscalationOwner == person)
                    .Select(m => $"escalation owner of {m.Reference}")
            )
            .Concat(catalogue.Services.Where(s => s.HeadOfService == person).Select(s => $"Head of Service, {s.Name}"))
            .ToList();
        return roles.Count == 0
            ? "in the catalogue"
            : string.Join(", ", roles.Take(3)) + (roles.Count > 3 ? $" and {roles.Count - 3} more" : string.Empty);
    }
}
