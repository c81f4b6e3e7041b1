using PmfBot.Domain.Catalogue;

namespace PmfBot.Domain.Digests;

/// <summary>How much of the council a digest or a scorecard covers.</summary>
public enum ScopeKind
{
    Council,
    Department,
    Service,
}

/// <summary>
/// A service, a department, or the whole council: what a channel subscribes to, or a scorecard shows.
/// </summary>
/// <param name="Code">The service's or department's catalogue code; null for the whole council.</param>
public sealed record DigestScope(ScopeKind Kind, string? Code)
{
    public static DigestScope WholeCouncil { get; } = new(ScopeKind.Council, null);

    public static DigestScope OfService(string code) => new(ScopeKind.Service, code);

    public static DigestScope OfDepartment(string code) => new(ScopeKind.Department, code);

    /// <summary>
    /// "council", "department|place", "service|waste": how storage keys it (catalogue codes are lower-case slugs).
    /// </summary>
    public string Key =>
        Kind switch
        {
            ScopeKind.Council => "council",
            ScopeKind.Department => $"department|{Code}",
            _ => $"service|{Code}",
        };

    public static bool TryParseKey(string? key, out DigestScope scope)
    {
        scope = WholeCouncil;
        if (key == "council")
        {
            return true;
        }

        var parts = key?.Split('|', 2);
        if (parts is not [var kind, { Length: > 0 } code])
        {
            return false;
        }

        scope = kind switch
        {
            "department" => OfDepartment(code),
            "service" => OfService(code),
            _ => WholeCouncil,
        };
        return kind is "department" or "service";
    }

    /// <summary>
    /// Whether the catalogue (still) has this service or department: a button's data may name one since removed.
    /// </summary>
    public bool IsIn(CouncilCatalogue catalogue) =>
        Kind switch
        {
            ScopeKind.Council => true,
            ScopeKind.Service => catalogue.FindService(Code!) is not null,
            _ => catalogue.FindDepartment(Code!) is not null,
        };

    /// <summary>Whether a measure belongs in this scope.</summary>
    public bool Covers(Measure measure, CouncilCatalogue catalogue) => CoversService(measure.ServiceCode, catalogue);

    /// <summary>Whether anything of a service (a measure, an activity) belongs in this scope.</summary>
    public bool CoversService(string serviceCode, CouncilCatalogue catalogue) =>
        Kind switch
        {
            ScopeKind.Council => true,
            ScopeKind.Service => string.Equals(serviceCode, Code, StringComparison.OrdinalIgnoreCase),
            _ => catalogue.FindService(serviceCode) is { } service
                && string.Equals(service.DepartmentCode, Code, StringComparison.OrdinalIgnoreCase),
        };

    /// <summary>The scope's activities and milestones (from its services' action and service plans).</summary>
    public IReadOnlyList<PlanActivity> PlanActivitiesIn(CouncilCatalogue catalogue) =>
        [
            .. catalogue
                .Activities.Where(a => CoversService(a.ServiceCode, catalogue))
                .OrderBy(a => a.ServiceCode, StringComparer.Ordinal)
                .ThenBy(a => a.Code, StringComparer.Ordinal),
        ];

    public IReadOnlyList<Measure> MeasuresIn(CouncilCatalogue catalogue) =>
        [
            .. catalogue
                .Measures.Where(m => Covers(m, catalogue))
                .OrderBy(m => m.ServiceCode, StringComparer.Ordinal)
                .ThenBy(m => m.Reference.Key, StringComparer.Ordinal),
        ];

    /// <summary>How people say it: "Waste", "the Place department", "the whole council".</summary>
    public string NameIn(CouncilCatalogue catalogue) =>
        Kind switch
        {
            ScopeKind.Council => "the whole council",
            ScopeKind.Department => $"the {catalogue.FindDepartment(Code!)?.Name ?? Code} department",
            _ => catalogue.ServiceNameOf(Code!),
        };

    /// <summary>A title: "Waste", "Place department", "Northmere District Council".</summary>
    public string TitleIn(CouncilCatalogue catalogue, string councilName) =>
        Kind switch
        {
            ScopeKind.Council => councilName,
            ScopeKind.Department => $"{catalogue.FindDepartment(Code!)?.Name ?? Code} department",
            _ => catalogue.ServiceNameOf(Code!),
        };

    /// <summary>What a person types to ask for it again: "Waste", "Place department", "the council".</summary>
    public string TypedIn(CouncilCatalogue catalogue) =>
        Kind switch
        {
            ScopeKind.Council => "the council",
            ScopeKind.Department => $"{catalogue.FindDepartment(Code!)?.Name ?? Code} department",
            _ => catalogue.ServiceNameOf(Code!),
        };
}
