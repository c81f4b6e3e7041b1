namespace PmfBot.Domain.Catalogue;

/// <summary>How far a person sees on the Performance tab: the widest of the roles they hold.</summary>
public enum SightReach
{
    /// <summary>The measures they own, update, or are escalation owner or stand-in of.</summary>
    OwnMeasures,

    /// <summary>Every measure of the services they head or own measures in.</summary>
    Service,

    /// <summary>Every measure of the departments they are Chief Officer of.</summary>
    Department,

    /// <summary>The performance team: the whole council.</summary>
    Council,
}

/// <summary>What one person may see of the council's measures, and why.</summary>
/// <param name="Reach">The widest role that gave them sight.</param>
/// <param name="Measures">In catalogue order.</param>
public sealed record MeasureSight(Person Person, SightReach Reach, IReadOnlyList<Measure> Measures)
{
    /// <summary>
    /// The framework's line of sight: owners see their measures; Heads of Service and owners their service; Chief
    /// Officers their department; the performance team the council. Each role adds to the others.
    /// </summary>
    public static MeasureSight Of(
        Person person,
        CouncilCatalogue council,
        IReadOnlyCollection<PersonId> performanceTeam
    )
    {
        if (performanceTeam.Contains(person.Id))
        {
            return new(person, SightReach.Council, council.Measures);
        }

        var id = person.Id;
        var departments = council
            .Departments.Where(d => d.ChiefOfficer == id)
            .Select(d => d.Code)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var own = council.Measures.Where(m => IsTheirs(m, id)).ToList();
        var services = council
            .Services.Where(s => s.HeadOfService == id || departments.Contains(s.DepartmentCode))
            .Select(s => s.Code)
            .Concat(own.Where(m => m.MayBeUpdatedBy(id)).Select(m => m.ServiceCode))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var reach =
            departments.Count > 0 ? SightReach.Department
            : services.Count > 0 ? SightReach.Service
            : SightReach.OwnMeasures;
        return new(
            person,
            reach,
            [.. council.Measures.Where(m => services.Contains(m.ServiceCode) || IsTheirs(m, id))]
        );
    }

    private HashSet<MeasureReference>? _seen;

    public bool MaySee(MeasureReference reference) =>
        (_seen ??= [.. Measures.Select(m => m.Reference)]).Contains(reference);

    private static bool IsTheirs(Measure measure, PersonId id) =>
        measure.MayBeUpdatedBy(id) || measure.EscalationOwner == id || measure.StandIn == id;
}
