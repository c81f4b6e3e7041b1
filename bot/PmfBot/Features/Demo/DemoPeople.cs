using PmfBot.Domain.Catalogue;

namespace PmfBot.Features.Demo;

/// <summary>
/// Northmere District Council's people: the same six as the Agents Playground's mock users
/// (infra/playground/.m365agentsplayground.yml), with the same Entra object ids, so whoever the
/// Playground says is talking is someone the catalogue knows.
/// </summary>
public static class DemoPeople
{
    /// <summary>
    /// The Playground's current user: Director of Resources, and owner of the Customer Services and FOI measures.
    /// </summary>
    public static readonly Person PriyaShah = Make("Priya Shah", "priya.shah", 1);

    /// <summary>Director of Place.</summary>
    public static readonly Person DanielOkoro = Make("Daniel Okoro", "daniel.okoro", 2);

    /// <summary>Director of Communities.</summary>
    public static readonly Person HelenPrice = Make("Helen Price", "helen.price", 3);

    /// <summary>Environmental Services Manager: waste, street scene, food safety.</summary>
    public static readonly Person SamTaylor = Make("Sam Taylor", "sam.taylor", 4);

    /// <summary>Planning, Economy and Leisure Manager.</summary>
    public static readonly Person ChrisEvans = Make("Chris Evans", "chris.evans", 5);

    /// <summary>Revenues, Benefits, Housing and Finance Manager.</summary>
    public static readonly Person FionaGrant = Make("Fiona Grant", "fiona.grant", 6);

    public static IReadOnlyList<Person> All { get; } =
    [PriyaShah, DanielOkoro, HelenPrice, SamTaylor, ChrisEvans, FionaGrant];

    public const string Domain = "northmere.gov.uk";

    private static Person Make(string name, string user, int n) =>
        new(PersonId.Parse($"{user}@{Domain}"), name, $"5a0f6c1e-2b7d-4e93-8a41-0c9d3e6b1f{n:00}");
}
