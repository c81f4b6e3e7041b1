using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Digests;
using PmfBot.Domain.Questions;
using PmfBot.Wording;

namespace PmfBot.Features.Questions;

/// <summary>
/// The measures a question is about, as far as the asker may see them (the Performance tab's line of sight), and
/// what to call them in the answer. A closed set: found, or a sentence saying why not.
/// </summary>
public abstract record AskedMeasures
{
    private AskedMeasures() { }

    /// <param name="Name">"Housing", "the Place department", "your services", "everything you can see".</param>
    /// <param name="Scope">For the tab's filter: null for "mine" and everything.</param>
    public sealed record Found(IReadOnlyList<Measure> Measures, string Name, DigestScope? Scope) : AskedMeasures;

    public sealed record Refused(string Why) : AskedMeasures;

    public static AskedMeasures For(AskedScope asked, MeasureSight sight, CouncilCatalogue council)
    {
        switch (asked.Kind)
        {
            case AskedScopeKind.Unstated:
                return new Found(
                    sight.Measures,
                    sight.Reach == SightReach.Council ? "the whole council" : "everything you can see",
                    null
                );
            case AskedScopeKind.Mine:
                // Their own line of sight without the performance team's: what they own, head or oversee.
                var own = MeasureSight.Of(sight.Person, council, []);
                return own.Measures.Count == 0
                    ? new Refused(
                        "You don't own, update or oversee any measures, so I can't tell which are yours. Name a "
                            + $"service or department instead. {ScopeWords.Known(council)}"
                    )
                    : new Found(own.Measures, "your measures", null);
        }

        switch (asked.Match)
        {
            case ScopeMatch.Found { Scope: var scope }:
                var all = scope.MeasuresIn(council);
                var seen = all.Where(m => sight.MaySee(m.Reference)).ToList();
                var name = scope.Kind == ScopeKind.Council ? "the whole council" : scope.NameIn(council);
                return seen.Count == 0 && all.Count > 0
                    ? new Refused(
                        $"{Capital(name)}'s measures aren't yours to see: people see the measures they own or update, "
                            + "their service's, or their department's. Ask about your own, or the performance team."
                    )
                    : new Found(seen, seen.Count < all.Count ? $"{name} (the measures you can see)" : name, scope);
            case ScopeMatch.Unsure { Choices: var choices }:
                return new Refused(
                    $"\"{asked.Text}\" could be {string.Join(" or ", choices.Select(c => c.TypedIn(council)))}: "
                        + "please ask again with the one you mean."
                );
            default:
                return new Refused(
                    $"I don't know a service or department called \"{asked.Text}\". {ScopeWords.Known(council)}"
                );
        }
    }

    public static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
