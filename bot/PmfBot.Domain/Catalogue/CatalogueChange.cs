namespace PmfBot.Domain.Catalogue;

/// <summary>Catalogue items to add or replace together (one import row, one seed step): all land, or none do.</summary>
public sealed record CatalogueChange
{
    public IReadOnlyList<Department> Departments { get; init; } = [];
    public IReadOnlyList<Service> Services { get; init; } = [];
    public IReadOnlyList<CorporatePriority> Priorities { get; init; } = [];
    public IReadOnlyList<Person> People { get; init; } = [];
    public IReadOnlyList<Measure> Measures { get; init; } = [];
    public IReadOnlyList<PlanActivity> Activities { get; init; } = [];

    public int Count =>
        Departments.Count + Services.Count + Priorities.Count + People.Count + Measures.Count + Activities.Count;
}
