namespace PmfBot.Domain.Catalogue;

/// <summary>A snapshot of the council's catalogue: structure, people, measures and activities.</summary>
public sealed record CouncilCatalogue(
    IReadOnlyList<Department> Departments,
    IReadOnlyList<Service> Services,
    IReadOnlyList<CorporatePriority> Priorities,
    IReadOnlyList<Person> People,
    IReadOnlyList<Measure> Measures,
    IReadOnlyList<PlanActivity> Activities
)
{
    public static CouncilCatalogue Empty { get; } = new([], [], [], [], [], []);

    public Measure? FindMeasure(MeasureReference reference) => Measures.FirstOrDefault(m => m.Reference == reference);

    public Service? FindService(string code) => Services.FirstOrDefault(s => s.Code == code);

    public PlanActivity? FindPlanActivity(string? code) => Activities.FirstOrDefault(a => a.Code == code);

    /// <summary>
    /// Who an activity goes to when it is off track: the Chief Officer of its service's department (PMF: the
    /// escalation owner). Null when the catalogue can't say.
    /// </summary>
    public PersonId? EscalationOwnerOf(PlanActivity activity) =>
        FindService(activity.ServiceCode) is { } service ? FindDepartment(service.DepartmentCode)?.ChiefOfficer : null;

    public Department? FindDepartment(string code) => Departments.FirstOrDefault(d => d.Code == code);

    public Person? FindPerson(PersonId id) => People.FirstOrDefault(p => p.Id == id);

    /// <summary>
    /// How a person is named on a card: their name, or their id when the catalogue no longer has them.
    /// </summary>
    public string NameOf(PersonId id) => FindPerson(id)?.Name ?? id.Value;

    /// <summary>How a service is named on a card: its name, or its code when the catalogue no longer has it.</summary>
    public string ServiceNameOf(string code) => FindService(code)?.Name ?? code;

    public Person? FindPersonByAadObjectId(string aadObjectId) =>
        People.FirstOrDefault(p => string.Equals(p.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase));

    /// <summary>The catalogue with a change applied: items with the same code are replaced, new ones added.</summary>
    public CouncilCatalogue With(CatalogueChange change) =>
        new(
            Replace(Departments, change.Departments, d => d.Code),
            Replace(Services, change.Services, s => s.Code),
            Replace(Priorities, change.Priorities, p => p.Code),
            Replace(People, change.People, p => p.Id.Value),
            Replace(Measures, change.Measures, m => m.Reference.Key),
            Replace(Activities, change.Activities, a => a.Code)
        );

    private static List<T> Replace<T>(IReadOnlyList<T> current, IReadOnlyList<T> changed, Func<T, string> key)
    {
        var changedKeys = changed.Select(key).ToHashSet(StringComparer.Ordinal);
        return [.. current.Where(item => !changedKeys.Contains(key(item))), .. changed];
    }
}
