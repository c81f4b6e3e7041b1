using PmfBot.Cards.Questions;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Digests;
using PmfBot.Domain.Questions;
using PmfBot.Domain.Standings;

namespace PmfBot.Features.Questions;

/// <summary>
/// "What did Housing say about temporary accommodation?": the figures whose commentary or action note hold every word
/// asked (a word's start: "vacanc" finds "vacancies"), newest first, each with the words around the first match. It
/// searches what the standings keep: the latest <see cref="MeasureStanding.WithCommentary"/> updates of each measure.
/// </summary>
public static class CommentarySearch
{
    private static readonly HashSet<string> Unsearched = ["the", "a", "an", "of", "and", "or", "to", "on", "in", "our"];

    /// <summary>The words searched for, as typed but lower case: what the answer says it looked for.</summary>
    public static IReadOnlyList<string> WordsOf(string asked) =>
        [
            .. ScopeFinder
                .Normalise(asked)
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Where(w => !Unsearched.Contains(w))
                .Select(w => w.Length > 4 && w.EndsWith('s') ? w[..^1] : w),
        ];

    public static IReadOnlyList<AnswerLine> Find(
        IReadOnlyList<string> words,
        AskedTime? time,
        IReadOnlyList<(Measure Measure, MeasureStanding Standing)> measures,
        CouncilCatalogue council
    )
    {
        if (words.Count == 0)
        {
            return [];
        }

        var found = new List<(AnswerLine Line, Domain.Results.MeasureResult Figure)>();
        foreach (var (measure, standing) in measures)
        {
            foreach (var figure in standing.Recent)
            {
                if (time is not null && !time.Holds(figure.Period))
                {
                    continue;
                }

                var said = string.Join(" — ", new[] { figure.Commentary, figure.ActionNote }.OfType<string>());
                if (said.Length > 0 && Excerpt(said, words) is { } quote)
                {
                    var status = StandingRules.Of(figure).Words();
                    found.Add(
                        (
                            new AnswerLine(
                                $"{measure.Reference} {measure.Title}",
                                $"{measure.Format(figure.Value)} for {figure.Period} · {status} · "
                                    + $"{council.NameOf(figure.RecordedBy)} · "
                                    + council.ServiceNameOf(measure.ServiceCode),
                                status,
                                quote
                            ),
                            figure
                        )
                    );
                }
            }
        }

        return
        [
            .. found
                .OrderByDescending(f => f.Figure.Period.End)
                .ThenByDescending(f => f.Figure.RecordedAt)
                .Select(f => f.Line),
        ];
    }

    /// <summary>
    /// About 160 characters of <paramref name="said"/> around the first of the words, when it holds them all; null
    /// when it doesn't.
    /// </summary>
    private static string? Excerpt(string said, IReadOnlyList<string> words)
    {
        var lower = said.ToLowerInvariant();
        var first = int.MaxValue;
        foreach (var word in words)
        {
            var at = WordStart(lower, word);
            if (at < 0)
            {
                return null;
            }

            first = Math.Min(first, at);
        }

        const int Around = 160;
        if (said.Length <= Around)
        {
            return said;
        }

        var start = Math.Max(0, Math.Min(first - 40, said.Length - Around));
        var end = Math.Min(said.Length, start + Around);
        return (start > 0 ? "…" : string.Empty) + said[start..end].Trim() + (end < said.Length ? "…" : string.Empty);
    }

    /// <summary>Where a word of <paramref name="text"/> starts with <paramref name="word"/>; -1 if none.</summary>
    private static int WordStart(string text, string word)
    {
        for (
            var at = text.IndexOf(word, StringComparison.Ordinal);
            at >= 0;
            at = text.IndexOf(word, at + 1, StringComparison.Ordinal)
        )
        {
            if (at == 0 || !char.IsLetterOrDigit(text[at - 1]))
            {
                return at;
            }
        }

        return -1;
    }
}
