using System.ComponentModel.DataAnnotations;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Escalations;

namespace PmfBot.Features.Escalations;

/// <summary>When a measure goes to its escalation owner, who else may decide, and who it goes to next.</summary>
public sealed class EscalationOptions : IValidatableObject
{
    public const string SectionName = "Escalations";

    /// <summary>
    /// The council's policy. Every number has the PMF default (see <see cref="EscalationPolicy.Default"/>).
    /// </summary>
    public PolicySettings Policy { get; set; } = new();

    /// <summary>A measure's own policy, by reference ("NI 192"): whatever it sets overrides the council's.</summary>
    public Dictionary<string, PolicySettings> Measures { get; set; } = [];

    /// <summary>Deputies, by escalation owner's id: who may decide in their place ("helen.price@…": ["x@…"]).</summary>
    public Dictionary<string, List<string>> Deputies { get; set; } = [];

    /// <summary>
    /// The next level (the Heads of Paid Service / Management Team): an escalation still
    /// undecided after <see cref="PolicySettings.RaiseAfterDays"/> goes to them, and then they may
    /// decide it too. Empty: it stays with the escalation owner, who is still chased.
    /// </summary>
    public List<string> NextLevel { get; set; } = [];

    public EscalationPolicies ToPolicies() =>
        new(
            Policy.Over(EscalationPolicy.Default),
            Measures.ToDictionary(
                m => MeasureReference.Parse(m.Key),
                m => m.Value.Over(Policy.Over(EscalationPolicy.Default))
            )
        );

    public IReadOnlyList<PersonId> DeputiesOf(PersonId escalationOwner) =>
        Deputies
            .FirstOrDefault(d => string.Equals(d.Key, escalationOwner.Value, StringComparison.OrdinalIgnoreCase))
            .Value
            is { } deputies
            ? [.. deputies.Select(PersonId.Parse)]
            : [];

    public IReadOnlyList<PersonId> NextLevelIds() => [.. NextLevel.Select(PersonId.Parse).Distinct()];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var problems = new List<ValidationResult>();
        if (Policy.Over(EscalationPolicy.Default).Problem() is { } council)
        {
            problems.Add(new($"Escalations:Policy: {council}", [nameof(Policy)]));
        }

        foreach (var (reference, settings) in Measures)
        {
            if (!MeasureReference.TryParse(reference, out _))
            {
                problems.Add(
                    new(
                        $"Escalations:Measures has \"{reference}\", which is not a measure reference (like NI 192).",
                        [nameof(Measures)]
                    )
                );
            }
            else if (settings.Over(Policy.Over(EscalationPolicy.Default)).Problem() is { } own)
            {
                problems.Add(new($"Escalations:Measures:{reference}: {own}", [nameof(Measures)]));
            }
        }

        var people = Deputies
            .Keys.Concat(Deputies.Values.SelectMany(d => d))
            .Select(id => (Setting: "Escalations:Deputies", Id: id))
            .Concat(NextLevel.Select(id => (Setting: "Escalations:NextLevel", Id: id)));
        problems.AddRange(
            people
                .Where(p => !PersonId.TryParse(p.Id, out _))
                .Select(p => new ValidationResult(
                    $"{p.Setting} has \"{p.Id}\", which is not a person's id (their work email address).",
                    [p.Setting]
                ))
        );
        return problems;
    }

    /// <summary>A policy's settings; each left out takes the value it overrides.</summary>
    public sealed class PolicySettings
    {
        public bool? EscalateRed { get; set; }

        /// <summary>Consecutive Amber-and-worsening periods that escalate; 0 turns it off.</summary>
        public int? AmberWorseningPeriods { get; set; }

        /// <summary>Days an update may be overdue before it escalates; -1 turns it off.</summary>
        public int? OverdueDays { get; set; }

        public int? ChaseAfterDays { get; set; }

        public int? RaiseAfterDays { get; set; }

        public EscalationPolicy Over(EscalationPolicy inherited) =>
            new(
                EscalateRed ?? inherited.EscalateRed,
                AmberWorseningPeriods ?? inherited.AmberWorseningPeriods,
                OverdueDays switch
                {
                    null => inherited.OverdueDays,
                    -1 => null,
                    var days => days,
                },
                ChaseAfterDays ?? inherited.ChaseAfterDays,
                RaiseAfterDays ?? inherited.RaiseAfterDays
            );
    }
}
