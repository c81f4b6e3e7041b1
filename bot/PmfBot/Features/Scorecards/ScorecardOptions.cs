using System.ComponentModel.DataAnnotations;
using PmfBot.Domain.Catalogue;

namespace PmfBot.Features.Scorecards;

/// <summary>
/// Who belongs to which service, beyond what the catalogue says (owners, escalation owners, Heads of Service, Chief
/// Officers).
/// </summary>
public sealed class ScorecardOptions : IValidatableObject
{
    public const string SectionName = "Scorecards";

    /// <summary>
    /// Service members by service code ("waste": ["ann.lee@…"]): "how is my service doing?" answers for these too.
    /// </summary>
    public Dictionary<string, List<string>> Members { get; set; } = [];

    public IEnumerable<string> ServicesOf(PersonId person) =>
        Members
            .Where(m => m.Value.Any(id => string.Equals(id, person.Value, StringComparison.OrdinalIgnoreCase)))
            .Select(m => m.Key);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Members.SelectMany(m =>
            m.Value.Where(id => !PersonId.TryParse(id, out _))
                .Select(id => new ValidationResult(
                    $"Scorecards:Members:{m.Key} has \"{id}\", which is not a person's id (their work email address).",
                    [nameof(Members)]
                ))
        );
}
