using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using PmfBot.Bot;
using PmfBot.Cards;
using PmfBot.Cards.Payloads;
using PmfBot.Cards.Scorecards;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Digests;
using PmfBot.Wording;

namespace PmfBot.Features.Scorecards;

/// <summary>
/// "How is my service doing?" and its everyday variants ("how are we doing", "how's Planning
/// going", "how is the Place department doing", "scorecard for Waste"), in a
/// personal chat or when @mentioned in a channel. Answers with a scorecard card; when a name
/// fits more than one service it asks, offering each.
/// </summary>
public sealed partial class ScorecardCommands(ScorecardQuery query, TimeProvider time, IOptions<CouncilOptions> council)
{
    private static readonly string[] MeWords = ["my", "our", "we", "i", "us", "me"];

    /// <summary>Reads a question about performance; null for other text.</summary>
    public async Task<TurnAnswer?> TypedAsync(Turn turn)
    {
        var text = turn.Text.Trim().TrimEnd('?', '!', '.', ' ');
        if (HowIsPattern().Match(text) is { Success: true } how)
        {
            // "how is X doing" can only be about performance: say so when X is unknown.
            return await AboutAsync(turn, how.Groups["about"].Value.Trim(), sayWhenUnknown: true);
        }

        // "show …" is said of other things too ("show what's due"): only a service, department or measure is ours.
        return ShowPattern().Match(text) is { Success: true } show
            ? await AboutAsync(turn, show.Groups["about"].Value.Trim(), sayWhenUnknown: false)
            : null;
    }

    private async Task<TurnAnswer?> AboutAsync(Turn turn, string about, bool sayWhenUnknown)
    {
        var words = about.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (
            words.Length == 0
            || (words.Any(w => MeWords.Contains(w)) && (sayWhenUnknown || MyServiceWords().IsMatch(about)))
        )
        {
            return await MineAsync(turn);
        }

        if (MeasureReference.TryParse(about, out var reference) && turn.Catalogue.FindMeasure(reference) is not null)
        {
            return null; // one measure: its own card, with its trend (Features/Questions)
        }

        return ScopeFinder.Find(about, turn.Catalogue) switch
        {
            ScopeMatch.Found found => await ScopeAsync(turn, found.Scope),
            ScopeMatch.Unsure unsure => TurnAnswer.Of(
                ChoiceCard.Build(
                    $"Which did you mean by \"{about}\"?",
                    [
                        .. unsure.Choices.Select(c => new ChoiceButton(
                            c.TitleIn(turn.Catalogue, council.Value.Name),
                            Verbs.ShowScorecard,
                            new ScopeData(c.Key).ToData()
                        )),
                    ]
                )
            ),
            _ when sayWhenUnknown => TurnAnswer.Say(
                $"I don't know a service, department or measure called \"{about}\". {ScopeWords.Known(turn.Catalogue)}"
            ),
            _ => null,
        };
    }

    /// <summary>A button asking for a scorecard (data: scope, or measure).</summary>
    public async Task<TurnAnswer> ShowAsync(Turn turn)
    {
        if (
            MeasureReference.TryParse(turn.DataText(MeasurePeriodData.MeasureKey), out var reference)
            && turn.Catalogue.FindMeasure(reference) is { } measure
        )
        {
            return await MeasureAsync(turn, measure);
        }

        return DigestScope.TryParseKey(ScopeData.Read(turn.DataText).Scope, out var scope) && scope.IsIn(turn.Catalogue)
            ? await ScopeAsync(turn, scope)
            : TurnAnswer.Say(
                "That scorecard isn't in the catalogue any more. Ask me \"how is the council doing\" to see everything."
            );
    }

    private async Task<TurnAnswer> MineAsync(Turn turn)
    {
        if (turn.Person is null)
        {
            return TurnAnswer.Say(
                "I can't find you in the council's performance catalogue, so I don't know your service. Ask for one "
                    + "by name: \"how is Waste doing\", or \"how is the council doing\"."
            );
        }

        var services = query.ServicesOf(turn.Person, turn.Catalogue);
        if (services.Count == 0)
        {
            return TurnAnswer.Say(
                "I can't tell which service is yours: you don't own or oversee any measures. Ask for one by name: "
                    + $"\"how is Waste doing\". {ScopeWords.Known(turn.Catalogue)}"
            );
        }

        // Every service of one department (a Chief Officer's) reads as that department.
        if (
            services.Count > 1
            && services.Select(s => s.DepartmentCode).Distinct().ToList() is [var department]
            && turn.Catalogue.Services.Count(s => s.DepartmentCode == department) == services.Count
        )
        {
            return await ScopeAsync(turn, DigestScope.OfDepartment(department));
        }

        if (services.Count == 1)
        {
            return await ScopeAsync(turn, DigestScope.OfService(services[0].Code));
        }

        var codes = services.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var measures = turn.Catalogue.Measures.Where(m => codes.Contains(m.ServiceCode)).ToList();
        var plans = turn.Catalogue.Activities.Where(a => codes.Contains(a.ServiceCode)).ToList();
        var scorecard = await query.ForAsync(DigestScope.WholeCouncil, measures, plans, turn.Cancellation);
        return TurnAnswer.Of(
            ScorecardCard.Build(
                ScorecardViews.Of(
                    scorecard,
                    $"Your services: {string.Join(", ", services.Select(s => s.Name))}",
                    turn.Catalogue,
                    time.GetUtcNow()
                )
            )
        );
    }

    private async Task<TurnAnswer> ScopeAsync(Turn turn, DigestScope scope)
    {
        var scorecard = await query.ForAsync(
            scope,
            scope.MeasuresIn(turn.Catalogue),
            scope.PlanActivitiesIn(turn.Catalogue),
            turn.Cancellation
        );
        var title = $"{scope.TitleIn(turn.Catalogue, council.Value.Name)} scorecard";
        return TurnAnswer.Of(
            ScorecardCard.Build(ScorecardViews.Of(scorecard, title, turn.Catalogue, time.GetUtcNow()))
        );
    }

    private async Task<TurnAnswer> MeasureAsync(Turn turn, Measure measure)
    {
        var scorecard = await query.ForAsync(
            DigestScope.OfService(measure.ServiceCode),
            [measure],
            [],
            turn.Cancellation
        );
        return TurnAnswer.Of(
            ScorecardCard.Build(
                ScorecardViews.Of(scorecard, $"{measure.Reference}: how it is doing", turn.Catalogue, time.GetUtcNow())
            )
        );
    }

    // "how is my service doing", "how's Planning going", "how are we doing", "how r we doin", "how is the Place
    // department performing"
    [GeneratedRegex(
        @"^ho?w\b(?:\s*'s|\s+(?:is|are|r|am|s))?(?<about>.*?)"
            + @"\s*\b(?:doing|doin|doin'|going|goin|performing|looking)\b"
            + @"(?:\s+(?:this|so far|lately|at the moment|now).*)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant
    )]
    private static partial Regex HowIsPattern();

    // "my service", "our services", "my department", "my team's scorecard", "my performance"
    [GeneratedRegex(
        @"^(?:my|our)\s+(?:service|services|team|team's|department|departments|scorecard|performance)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant
    )]
    private static partial Regex MyServiceWords();

    // "show NI 192", "show Waste", "scorecard", "my scorecard", "scorecard for Planning", "performance of Housing"
    [GeneratedRegex(
        @"^(?:show(?:\s+me)?(?:\s+the)?(?:\s+scorecard(?:\s+for)?)?|(?:my\s+)?scorecard(?:\s+for)?"
            + @"|performance(?:\s+(?:of|for))?)(?:\s+(?<about>.+))?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant
    )]
    private static partial Regex ShowPattern();
}
