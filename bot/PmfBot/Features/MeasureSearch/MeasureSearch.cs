using PmfBot.Bot;
using PmfBot.Cards;
using PmfBot.Cards.Questions;
using PmfBot.Council;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Digests;
using PmfBot.Domain.Questions;
using PmfBot.Standings;
using PmfBot.Tab;
using PmfBot.Teams.Schema;
using PmfBot.Wording;

namespace PmfBot.Features.MeasureSearch;

/// <summary>
/// "Find a measure", the search message extension: from the compose box of any chat or channel, a measure found by
/// reference or words of its title, among those the person may see, inserted as its card with its trend chart.
/// Opened with nothing typed, it offers the person's own measures.
/// </summary>
public sealed class MeasureSearch(
    StandingsReader standings,
    PerformanceTeam team,
    TabLinks tab,
    CouncilRules rules,
    TimeProvider time
)
{
    /// <summary>The command's id in the manifest (appPackage/manifest.json, composeExtensions).</summary>
    public const string CommandId = "findMeasure";

    /// <summary>The search box's parameter.</summary>
    public const string Parameter = "query";

    /// <summary>Results listed at once: enough to pick from, few enough to read their standings quickly.</summary>
    public const int MaxResults = 10;

    // Teams gives a search 5 seconds; an answer in words is better than none.
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(4);

    public async Task<MessagingExtensionResponse> SearchAsync(Turn turn, MessagingExtensionQuery query)
    {
        if (turn.Person is not { } person)
        {
            return MessagingExtensionResponse.Message(
                "PmfBot can't find you in the council's performance catalogue, so it has no measures to show you. "
                    + "The performance team can add you."
            );
        }

        var sight = team.SightOf(person, turn.Catalogue);
        var typed = query.IsInitialRun ? string.Empty : query.TextOf(Parameter).Trim();
        var found = typed.Length == 0 ? Own(person, turn.Catalogue, sight) : Find(typed, turn.Catalogue, sight);
        if (found.Count == 0)
        {
            return MessagingExtensionResponse.Message(
                typed.Length == 0
                    ? "You don't own or oversee any measures. Type a reference (NI 192) or words of a measure's title."
                    : $"No measure you can see matches \"{typed}\". Try a reference (NI 192) or words of its title "
                        + "(missed collections)."
            );
        }

        var skip = Math.Max(0, query.QueryOptions?.Skip ?? 0);
        var count = Math.Clamp(query.QueryOptions?.Count ?? MaxResults, 1, MaxResults);
        var page = found.Skip(skip).Take(count).ToList();
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(turn.Cancellation);
        budget.CancelAfter(Budget);
        IReadOnlyList<Domain.Standings.MeasureStanding> stand;
        try
        {
            stand = await standings.ForAsync(page, budget.Token);
        }
        catch (OperationCanceledException) when (!turn.Cancellation.IsCancellationRequested)
        {
            return MessagingExtensionResponse.Message("That search took too long. Please try again in a moment.");
        }

        var now = time.GetUtcNow();
        return MessagingExtensionResponse.Results([
            .. page.Zip(stand)
                .Select(m =>
                {
                    var view = MeasureCardViews.For(
                        m.First,
                        m.Second,
                        turn.Catalogue,
                        now,
                        rules.Cycle,
                        rules.Status.StableBand
                    ) with
                    {
                        TabLink = tab.For(null, measure: m.First.Reference),
                    };
                    return MessagingExtensionAttachment.AdaptiveCard(
                        CardJson.ToElement(MeasureCard.Build(view)),
                        view.Title,
                        $"{view.Latest ?? "No figure yet"} · {view.Status} · {view.About}"
                    );
                }),
        ]);
    }

    /// <summary>
    /// References starting with what was typed ("NI 19"), then titles it fits (MeasureFinder, over the whole catalogue
    /// as questions read it, so that what someone may not see never turns a near miss into a result).
    /// </summary>
    private static List<Measure> Find(string typed, CouncilCatalogue council, MeasureSight sight)
    {
        var squeezed = typed.Replace(" ", string.Empty, StringComparison.Ordinal);
        var byReference = sight.Measures.Where(m =>
            m.Reference.Key.Replace(" ", string.Empty, StringComparison.Ordinal)
                .StartsWith(squeezed, StringComparison.OrdinalIgnoreCase)
        );
        var byTitle = MeasureFinder.Find(typed, council.Measures).Where(m => sight.MaySee(m.Reference));
        return [.. byReference.Concat(byTitle).Distinct()];
    }

    /// <summary>What the person owns, updates or is escalation owner of; else everything they may see.</summary>
    private static List<Measure> Own(Person person, CouncilCatalogue council, MeasureSight sight)
    {
        var own = sight.Measures.Where(m => m.MayBeUpdatedBy(person.Id) || m.EscalationOwner == person.Id).ToList();
        return own.Count > 0 ? own : [.. sight.Measures];
    }
}
