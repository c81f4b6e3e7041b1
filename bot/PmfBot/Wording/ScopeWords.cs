using PmfBot.Domain.Catalogue;

namespace PmfBot.Wording;

/// <summary>What can be asked for by name, in words: said when a typed name fits nothing.</summary>
public static class ScopeWords
{
    /// <summary>
    /// "Services: Customer Services, Economy, …. Departments: Place, Resources, Communities. Or "the council" for
    /// everything."
    /// </summary>
    public static string Known(CouncilCatalogue catalogue) =>
        $"Services: {string.Join(", ", catalogue.Services.Select(s => s.Name).Order(StringComparer.Ordinal))}. "
        + $"Departments: {string.Join(", ", catalogue.Departments.Select(d => d.Name))}. Or \"the council\" for "
        + "everything.";
}
