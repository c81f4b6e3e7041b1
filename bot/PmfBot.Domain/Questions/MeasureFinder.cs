using System.Text.RegularExpressions;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Digests;

namespace PmfBot.Domain.Questions;

/// <summary>
/// Finds the measures a person means by a reference or some words of a title: "NI 192", "ni192", "missed
/// collections", "temp accommodation", "sickness absence", "recyling". Used by questions and the "Find a measure"
/// search.
/// </summary>
public static partial class MeasureFinder
{
    // Words that don't tell one measure from another.
    private static readonly HashSet<string> Generic =
    [
        "the",
        "a",
        "an",
        "of",
        "for",
        "per",
        "and",
        "in",
        "on",
        "to",
        "by",
        "with",
        "within",
        "or",
        "our",
        "my",
        "measure",
        "measures",
        "indicator",
        "indicators",
        "kpi",
        "kpis",
        "pi",
        "pis",
        "rate",
        "rates",
        "number",
        "numbers",
        "percentage",
        "level",
        "levels",
        "figure",
        "figures",
        "performance",
        "time",
        "times",
        "please",
        "trend",
        "chart",
        "latest",
        "how",
        "is",
        "are",
        "doing",
        "about",
        "what",
        "s",
    ];

    /// <summary>
    /// The measures that fit, best first: the one a reference names; else those whose titles hold every telling word
    /// typed (a word's start, or a letter or two away), those whose titles it covers most first. Empty when none fits.
    /// </summary>
    public static IReadOnlyList<Measure> Find(string typed, IReadOnlyList<Measure> measures)
    {
        var text = ScopeFinder.Normalise(typed);
        if (text.Length == 0)
        {
            return [];
        }

        var squeezed = text.Replace(" ", string.Empty, StringComparison.Ordinal);
        var byReference = measures
            .Where(m => string.Equals(Squeeze(m.Reference.Key), squeezed, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (byReference.Count > 0)
        {
            return byReference;
        }

        // "NI 192" inside other words ("show NI 192 trend").
        foreach (Match reference in ReferenceInText().Matches(text))
        {
            var key = (reference.Groups["letters"].Value + reference.Groups["digits"].Value).ToUpperInvariant();
            if (measures.Where(m => Squeeze(m.Reference.Key) == key).ToList() is { Count: > 0 } found)
            {
                return found;
            }
        }

        var words = text.Split(' ').Where(w => !Generic.Contains(w)).Select(Stem).Distinct().ToList();
        if (words.Count == 0 || words.All(w => w.Length < 3))
        {
            return [];
        }

        var titles = measures.Select(m => (Measure: m, Title: TitleWords(m))).ToList();
        var fitting = Best(titles.Select(m => (m.Measure, Score: Cover(words, m.Title))));
        if (fitting.Count > 0 || words.Count < 2)
        {
            return fitting;
        }

        // "sickness absence": a title holding all but one of several words, when nothing holds them all.
        return Best(
            titles.Select(m =>
                (m.Measure, Score: words.Select(left => Cover([.. words.Where(w => w != left)], m.Title)).Max())
            )
        );
    }

    private static List<Measure> Best(IEnumerable<(Measure Measure, double Score)> scored) =>
        [
            .. scored
                .Where(m => m.Score > 0)
                .OrderByDescending(m => m.Score)
                .ThenBy(m => m.Measure.Reference.Key, StringComparer.Ordinal)
                .Select(m => m.Measure),
        ];

    /// <summary>
    /// How much of the title the words cover (0 to 1), when every word is in it; 0 when any is missing.
    /// </summary>
    private static double Cover(List<string> words, List<string> title)
    {
        var covered = new HashSet<int>();
        foreach (var word in words)
        {
            var at = -1;
            for (var i = 0; i < title.Count && at < 0; i++)
            {
                if (Fits(word, title[i]))
                {
                    at = i;
                }
            }

            if (at < 0)
            {
                return 0;
            }

            covered.Add(at);
        }

        return (double)covered.Count / Math.Max(1, title.Count);
    }

    /// <summary>The start of the title's word ("temp" → "temporary"), or a letter or two away if longer.</summary>
    private static bool Fits(string word, string titleWord)
    {
        if (titleWord.StartsWith(word, StringComparison.Ordinal))
        {
            return true;
        }

        if (word.Length < 5)
        {
            return false;
        }

        var allowed = word.Length >= 8 ? 2 : 1;
        var prefix = titleWord.Length > word.Length ? titleWord[..word.Length] : titleWord;
        return ScopeFinder.Distance(word, prefix) <= allowed || ScopeFinder.Distance(word, titleWord) <= allowed;
    }

    private static List<string> TitleWords(Measure measure) =>
        [.. ScopeFinder.Normalise(measure.Title).Split(' ').Where(w => !Generic.Contains(w)).Select(Stem)];

    // "collection", "collections" and "collected" are one word; so are "bins" and "bin".
    private static string Stem(string word)
    {
        if (word.Length <= 4)
        {
            return word;
        }

        foreach (var ending in (string[])["ions", "ion", "ing", "ed", "es", "s"])
        {
            if (word.Length - ending.Length >= 4 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return word[..^ending.Length];
            }
        }

        return word;
    }

    private static string Squeeze(string key) => key.Replace(" ", string.Empty, StringComparison.Ordinal);

    [GeneratedRegex(@"\b(?<letters>[a-z]{2,3}) ?(?<digits>\d{2,3}[a-z]?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceInText();
}
