namespace PmfBot.Domain.Catalogue;

/// <summary>A snapshot of the council's catalogue: structure, people, measures and activities.</summary>
public sealed record Catalogue(
    IReadOnlyList<Department> Departments,
    IReadOnlyList<Service> Services,
    IReadOnlyList<CorporatePriority> Priorities,
    IReadOnlyList<Person> People,
    IReadOnlyList<Measure> Measures,
    IReadOnlyList<Activity> Activities)
{
    public static Catalogue Empty { get; } = new([], [], [], [], [], []);

    public Measure? FindMeasure(MeasureReference reference) => Measures.FirstOrDefault(m => m.Reference == reference);

    public Service? FindService(string code) => Services.FirstOrDefault(s => s.Code == code);

    public Department? FindDepartment(string code) => Departments.FirstOrDefault(d => d.Code == code);

    public Person? FindPerson(PersonId id) => People.FirstOrDefault(p => p.Id == id);

    public Person? FindPersonByAadObjectId(string aadObjectId) =>
        People.FirstOrDefault(p => string.Equals(p.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase));
}
