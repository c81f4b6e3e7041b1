using PmfBot.Domain.Catalogue;

namespace PmfBot.Domain.People;

/// <summary>What a leaver held in the catalogue, and so has nobody now: for the performance team to reassign.</summary>
/// <param name="Owned">Measures they owned (or stood in for): nobody is prompted for their figures.</param>
/// <param name="EscalatedTo">Measures whose off-track results went to them as escalation owner.</param>
/// <param name="Activities">Open activities they owned: nobody is asked for their progress.</param>
/// <param name="ServicesHeaded">Services they were Head of: overdue figures there are chased to nobody.</param>
/// <param name="DepartmentsLed">Departments they were Chief Officer of.</param>
public sealed record OwnerlessWork(
    IReadOnlyList<Measure> Owned,
    IReadOnlyList<Measure> EscalatedTo,
    IReadOnlyList<PlanActivity> Activities,
    IReadOnlyList<Service> ServicesHeaded,
    IReadOnlyList<Department> DepartmentsLed
)
{
    public bool IsEmpty =>
        Owned.Count + EscalatedTo.Count + Activities.Count + ServicesHeaded.Count + DepartmentsLed.Count == 0;

    /// <summary>Everything in the catalogue that names <paramref name="person"/> in a role nobody else fills.</summary>
    public static OwnerlessWork Of(CouncilCatalogue catalogue, PersonId person) =>
        new(
            [.. catalogue.Measures.Where(m => m.Owner == person || m.StandIn == person).OrderBy(m => m.Reference.Key)],
            [.. catalogue.Measures.Where(m => m.EscalationOwner == person).OrderBy(m => m.Reference.Key)],
            [.. catalogue.Activities.Where(a => a.Owner == person && !a.IsClosed).OrderBy(a => a.Code)],
            [.. catalogue.Services.Where(s => s.HeadOfService == person).OrderBy(s => s.Code)],
            [.. catalogue.Departments.Where(d => d.ChiefOfficer == person).OrderBy(d => d.Code)]
        );

    /// <summary>
    /// Whether the catalogue still names them anywhere (as a delegate too): their record is still needed.
    /// </summary>
    public static bool StillNamed(CouncilCatalogue catalogue, PersonId person) =>
        !Of(catalogue, person).IsEmpty || catalogue.Measures.Any(m => m.Delegates.Contains(person));
}
