using Microsoft.Extensions.Options;
using PmfBot.Domain.Catalogue;
using PmfBot.Tab;

namespace PmfBot.Council;

/// <summary>
/// The performance team (Tab:PerformanceTeam): who keeps the catalogue, and so who hears when something in it has
/// nobody to answer for it.
/// </summary>
public sealed class PerformanceTeam(IOptions<TabOptions> options)
{
    public IReadOnlyList<PersonId> Ids => options.Value.PerformanceTeamIds();

    /// <summary>What a person may see of the council's measures: the team sees it all, others by their roles.</summary>
    public MeasureSight SightOf(Person person, CouncilCatalogue council) => MeasureSight.Of(person, council, [.. Ids]);

    /// <summary>The members the catalogue has, less <paramref name="except"/> (someone who left).</summary>
    public IReadOnlyList<Person> In(CouncilCatalogue council, PersonId? except = null) =>
        [.. Ids.Where(id => id != except).Select(council.FindPerson).OfType<Person>()];
}
