using PmfBot.Domain.Catalogue;

namespace PmfBot.Domain.Cover;

/// <summary>
/// An owner hands a measure (or all of theirs) to a colleague until a date: prompts go to the
/// delegate, who may enter the figures; the owner stays accountable and sees every answer.
/// </summary>
/// <param name="Measure">The measure delegated; null for all the owner's measures.</param>
/// <param name="Until">The last day the delegate covers (inclusive).</param>
public sealed record Delegation(
    string Id,
    PersonId Owner,
    PersonId Delegate,
    MeasureReference? Measure,
    DateOnly Until,
    DateTimeOffset CreatedAt
)
{
    /// <summary>The longest a delegation may run: a year. Longer is a change of owner, for the catalogue.</summary>
    public const int MaxDays = 366;

    public bool IsActiveOn(DateOnly today) => today <= Until;

    public bool Covers(Measure measure) => measure.Owner == Owner && (Measure is null || Measure == measure.Reference);

    public static string NewId() => Guid.NewGuid().ToString("N")[..12];

    /// <summary>Checks a new delegation. Returns the problem, or null when acceptable.</summary>
    public static string? ProblemWith(PersonId owner, PersonId @delegate, DateOnly until, DateOnly today)
    {
        if (owner == @delegate)
        {
            return "You can't delegate to yourself.";
        }

        if (until < today)
        {
            return $"That day ({until:d MMM yyyy}) has passed: pick a day from today on.";
        }

        return until > today.AddDays(MaxDays)
            ? "A delegation can run for a year at most. For longer, ask the performance team to change the measure's "
                + "owner."
            : null;
    }

    /// <summary>
    /// The catalogue as it stands today with delegations in force: each covered measure gains the
    /// delegate as someone who may update it, and as its <see cref="Catalogue.Measure.StandIn"/>,
    /// who its prompts go to. The latest delegation wins when two cover one measure.
    /// </summary>
    public static CouncilCatalogue Apply(CouncilCatalogue council, IEnumerable<Delegation> delegations, DateOnly today)
    {
        var active = delegations.Where(d => d.IsActiveOn(today)).OrderBy(d => d.CreatedAt).ToList();
        if (active.Count == 0)
        {
            return council;
        }

        var measures = council.Measures.Select(m =>
        {
            var covering = active.Where(d => d.Covers(m)).ToList();
            return covering.Count == 0
                ? m
                : m with
                {
                    Delegates = [.. m.Delegates.Concat(covering.Select(d => d.Delegate)).Distinct()],
                    StandIn = covering[^1].Delegate,
                };
        });
        return council with { Measures = [.. measures] };
    }
}
