using System.Text.RegularExpressions;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Digests;

namespace PmfBot.Domain.Questions;

/// <summary>
/// Reads a question in plain words, offline: what it asks (<see cref="QuestionIntent"/>), about whose measures (a
/// service, a department, "my", the council) and when ("this quarter", "since April", "2025/26"). Typos in its key
/// words are forgiven ("wrose", "overdeu", "quater"); names are found as <see cref="ScopeFinder"/> finds them.
/// </summary>
/// <remarks>The phrasings it must read are a table, tests/PmfBot.Tests/Questions/Phrasings.md.</remarks>
public static partial class QuestionReader
{
    // Key words whose typos are mended before reading (one letter away, two for the long ones).
    private static readonly string[] KeyWords =
    [
        "worse",
        "worsened",
        "better",
        "improved",
        "improving",
        "improvement",
        "deteriorated",
        "deteriorating",
        "declined",
        "overdue",
        "updated",
        "quarter",
        "months",
        "since",
        "track",
        "target",
        "targets",
        "commentary",
        "comments",
        "mentioned",
        "measures",
        "hasn't",
        "haven't",
        "outstanding",
        "failing",
        "month",
        "update",
        "updates",
        "which",
    ];

    private static readonly HashSet<string> Filler =
    [
        "which",
        "what",
        "whats",
        "what's",
        "who",
        "whos",
        "who's",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "got",
        "get",
        "getting",
        "gone",
        "been",
        "be",
        "the",
        "a",
        "an",
        "any",
        "measures",
        "measure",
        "indicators",
        "indicator",
        "kpis",
        "kpi",
        "pis",
        "show",
        "list",
        "tell",
        "about",
        "there",
        "still",
        "yet",
        "so",
        "far",
        "currently",
        "now",
        "at",
        "moment",
        "in",
        "for",
        "of",
        "from",
        "across",
        "within",
        "by",
        "on",
        "with",
        "do",
        "does",
        "did",
        "anything",
        "things",
        "updates",
        "update",
        "figures",
        "results",
        "performance",
        "please",
        "can",
        "you",
        "could",
        "see",
        "know",
        "want",
        "to",
        "and",
        "or",
        "that",
        "it",
        "they",
        "them",
        "their",
        "wide",
        "hey",
        "ok",
        "how",
        "many",
        "much",
        "right",
        "lot",
        "than",
        "last",
        "time",
        "wich",
        "wat",
        "whcih",
        "where",
        "waiting",
    ];

    private static readonly HashSet<string> MeWords = ["my", "our", "mine", "me", "us", "we", "i", "ours"];

    /// <summary>The question <paramref name="typed"/> asks; null when it isn't one of these.</summary>
    public static Question? Read(string typed, CouncilCatalogue catalogue, DateOnly today)
    {
        // A typed update ("NI 192: 48.5 — crews off sick") that didn't read is not a question about being late.
        if (typed.Length > MaxLength || TypedUpdate().IsMatch(typed))
        {
            return null;
        }

        var text = Mend(Normalise(typed));
        if (text.Length == 0)
        {
            return null;
        }

        var time = AskedTimes.Find(text, today, out var rest);
        rest = Lead().Replace(rest, string.Empty).Trim();
        foreach (var said in SaidPatterns)
        {
            if (said.Match(rest) is { Success: true } match)
            {
                var who = match.Groups["who"].Value;
                return new Question(
                    QuestionIntent.Said,
                    ScopeOf(who, catalogue),
                    time,
                    Words: Clean(match.Groups["words"].Value)
                );
            }
        }

        foreach (var (intent, pattern) in ListPatterns)
        {
            if (pattern.Match(rest) is { Success: true } match)
            {
                // "what haven't I updated": the pronoun the phrase held still says whose.
                var left = $"{rest[..match.Index]} {match.Groups["who"].Value} {rest[(match.Index + match.Length)..]}";
                return new Question(intent, ScopeOf(left, catalogue), time);
            }
        }

        var named = Trailing().Replace(rest, string.Empty).Trim();
        return MeasureFinder.Find(named, catalogue.Measures) is { Count: > 0 } measures
            ? new Question(QuestionIntent.OneMeasure, AskedScope.Unstated, time, Measures: measures)
            : null;
    }

    /// <summary>Whose measures the leftover words name: nobody's in particular, the asker's, or a scope.</summary>
    private static AskedScope ScopeOf(string words, CouncilCatalogue catalogue)
    {
        var kept = words
            .Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.EndsWith("'s", StringComparison.Ordinal) ? w[..^2] : w)
            .Where(w => !Filler.Contains(w) && w is not ("people" or "anyone" or "everybody" or "someone" or "they"))
            .ToList();
        if (kept.Count == 0)
        {
            return AskedScope.Unstated;
        }

        if (kept.Any(MeWords.Contains))
        {
            return AskedScope.Mine;
        }

        var name = string.Join(' ', kept);
        return new AskedScope(AskedScopeKind.Named, name, ScopeFinder.Find(name, catalogue));
    }

    /// <summary>Lower case, curly quotes straight, punctuation gone, "off-track" as two words, single spaces.</summary>
    private static string Normalise(string typed)
    {
        var text = typed.ToLowerInvariant().Replace('’', '\'').Replace('‘', '\'').Replace("off-track", "off track");
        text = Punctuation().Replace(text, " ");
        return string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string Mend(string text) =>
        string.Join(
            ' ',
            text.Split(' ')
                .Select(word =>
                {
                    if (word.Length < 5 || KeyWords.Contains(word))
                    {
                        return word;
                    }

                    var close = KeyWords
                        .Where(k => ScopeFinder.Distance(word, k) <= (k.Length >= 9 ? 2 : 1))
                        .Take(2)
                        .ToList();
                    return close.Count == 1 ? close[0] : word;
                })
        );

    private static string Clean(string words) =>
        string.Join(
            ' ',
            words.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(w => w is "the" or "a" or "an")
        );

    private static readonly (QuestionIntent Intent, Regex Pattern)[] ListPatterns =
    [
        (
            QuestionIntent.Overdue,
            Words(
                @"overdue|late|later|past (?:the |their |its )?deadlines?|missed (?:the |their |its )?deadlines?"
                    + @"|behind (?:on|with) (?:their |the )?updates"
            )
        ),
        (
            QuestionIntent.NotUpdated,
            Words(
                @"(?:hasn't|haven't|hasnt|havent|has not|have not|not|yet to|still to|didn't|did not|not yet)"
                    + @"(?: (?<who>i|we|you|they))?(?: yet)? "
                    + @"(?:updated|update|reported|report|submitted|submit|sent|entered|returned|done)"
                    + @"|(?:no|missing|outstanding|awaited) (?:updates?|figures?|returns?)|outstanding|still owe[sd]?"
                    + @"|owes? (?:an? |their )?updates?|awaiting (?:updates?|figures?)|not (?:in|back) yet|still due"
                    + @"|(?:are )?(?:(?<who>we|you|i) )?waiting (?:for|on)"
            )
        ),
        (
            QuestionIntent.Worse,
            Words(
                @"(?:got |get |getting |gone |going |grown |become |became )?(?:worse|worsened|worsening)"
                    + @"|deteriorat\w*|declin\w*|slipp\w*|dropped|(?:going|gone|went) the wrong way|worst"
            )
        ),
        (
            QuestionIntent.Better,
            Words(
                @"(?:got |get |getting |gone |going |become |became )?(?:better|best)|improv\w*"
                    + @"|(?:going|gone|went) the right way|on the up"
            )
        ),
        (
            QuestionIntent.OffTrack,
            Words(
                @"off track|not on track|in the red|reds?|rated red|red rated|failing|struggling|significantly off"
                    + @"|(?:missing|missed|below|under|short of|not meeting|not hitting|not making|off|behind)"
                    + @" (?:the |their |its )?targets?|problems?|concerns?"
            )
        ),
    ];

    private static readonly Regex[] SaidPatterns =
    [
        Whole(
            @"(?:what|wat|wot) (?:did|does|do|has|have|had) (?<who>.+?) (?:say|said|write|written|wrote|mention"
                + @"|mentioned|report|reported|note|noted) (?:about|on|regarding|re) (?<words>.+)"
        ),
        Whole(
            @"(?:what|wat|wot) (?:was|is|has been|have people|did people|did anyone) (?:said|written|say|saying|write)"
                + @" (?:about|on|regarding) (?<words>.+?)(?: (?:in|by|from|for) (?<who>.+))?"
        ),
        Whole(
            @"(?:search|find|look for|look up)(?: the)? (?:commentary|commentaries|comments|notes|action notes)"
                + @"(?: for| about| on| mentioning| with)? (?<words>.+?)(?: (?:in|from|by|for) (?<who>.+))?"
        ),
        Whole(
            @"(?:search|find) (?:for )?(?<words>.+?) in (?:the )?(?:commentary|commentaries|comments|notes"
                + @"|action notes)(?: (?:in|from|of|for) (?<who>.+))?"
        ),
        Whole(
            @"(?:any )?(?:commentary|comments|notes|action notes) (?:about|on|mentioning|regarding|that mention)"
                + @" (?<words>.+?)(?: (?:in|from|by|for) (?<who>.+))?"
        ),
        Whole(
            @"(?:who|which measures?|has anyone|did anyone|anyone|what measures?) (?:has )?(?:mentioned|mentions"
                + @"|mention|talked about|talks about|said anything about|say anything about|wrote about|written about"
                + @"|writes about)\s+(?<words>.+?)(?: in (?<who>.+))?"
        ),
        Whole(@"(?:what|whats|what's) (?:is )?(?:the )?(?:commentary|comments|word|latest) (?:on|about) (?<words>.+)"),
    ];

    private static Regex Words(string pattern) => new($@"\b(?:{pattern})\b", RegexOptions.CultureInvariant);

    private static Regex Whole(string pattern) => new($"^(?:{pattern})$", RegexOptions.CultureInvariant);

    // What people put before a question: "can you tell me", "please show me", "I'd like to know".
    [GeneratedRegex(
        @"^(?:(?:hi|hey|ok|okay|so|please|pmfbot|quick question)\s+)*(?:(?:can|could|would) you (?:please )?"
            + @"(?:tell|show|give|list|find)(?: me)?|(?:please )?(?:tell|show|give|list)(?: me)?"
            + @"|i(?:'d| would) like to (?:know|see)|i want to (?:know|see)|can i see|let me (?:know|see)"
            + @"|do you know)\b",
        RegexOptions.CultureInvariant
    )]
    private static partial Regex Lead();

    // "… trend", "… chart please": said after a measure's name.
    [GeneratedRegex(
        @"^(?:(?:the )?(?:details|trend|chart|figures?|standing|card|latest)(?: (?:of|for|on))?\s+|about\s+"
            + @"|what about\s+|how about\s+|open\s+|look up\s+)"
            + @"|\s+(?:trend|chart|figures?|please|details|standing|card)$",
        RegexOptions.CultureInvariant
    )]
    private static partial Regex Trailing();

    /// <summary>Longer than this is a message, not a question.</summary>
    private const int MaxLength = 200;

    [GeneratedRegex(@"^\s*[a-z]{1,4}\s?\d{1,3}[a-z]?\s*[:=]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TypedUpdate();

    [GeneratedRegex(@"[?!.,;:""()\[\]…]", RegexOptions.CultureInvariant)]
    private static partial Regex Punctuation();
}
