using System.Text;
using PmfBot.Domain.Catalogue;

namespace PmfBot.Domain.Digests;

/// <summary>What a typed name turned out to mean. A closed set.</summary>
public abstract record ScopeMatch
{
    private ScopeMatch() { }

    public sealed record Found(DigestScope Scope) : ScopeMatch;

    /// <summary>More than one fits: ask, offering these (best first).</summary>
    public sealed record Unsure(IReadOnlyList<DigestScope> Choices) : ScopeMatch;

    public sealed record NotFound : ScopeMatch;
}

/// <summary>
/// Finds the service or department a person means by what they typed: "Planning", "the Place
/// department", "revs and bens", "Information Governence", "waste services", "the council".
/// Exact names win; then names the words start; then names a letter or two away (typos).
/// </summary>
public static class ScopeFinder
{
    private static readonly string[] CouncilWords =
    [
        "council",
        "whole council",
        "the council",
        "everything",
        "all",
        "all services",
        "corporate",
        "everyone",
        "organisation",
        "whole organisation",
        "authority",
    ];

    public static ScopeMatch Find(string typed, CouncilCatalogue catalogue)
    {
        var text = Normalise(typed);
        var wantsDepartment = EndsWithWord(ref text, "department", "directorate", "dept");
        EndsWithWord(ref text, "service", "services", "team");
        if (text.Length == 0)
        {
            return new ScopeMatch.NotFound();
        }

        if (CouncilWords.Contains(text))
        {
            return new ScopeMatch.Found(DigestScope.WholeCouncil);
        }

        var candidates = catalogue
            .Departments.Select(d => (Scope: DigestScope.OfDepartment(d.Code), Name: Normalise(d.Name)))
            .Concat(catalogue.Services.Select(s => (Scope: DigestScope.OfService(s.Code), Name: Normalise(s.Name))))
            .Where(c => !wantsDepartment || c.Scope.Kind == ScopeKind.Department)
            .ToList();

        // Exact: the name or the code. A department and a service with one name: the department asked for, else the
        // service.
        var exact = candidates
            .Where(c => c.Name == text || Normalise(c.Scope.Code!.Replace('-', ' ')) == text)
            .ToList();
        if (exact.Count > 0)
        {
            return new ScopeMatch.Found(exact.OrderBy(c => c.Scope.Kind == ScopeKind.Service ? 0 : 1).First().Scope);
        }

        // Words: each typed word starts a word of the name ("revs bens" → "revenues and benefits", "info gov").
        var words = text.Split(' ').Where(w => w is not ("and" or "of")).ToArray();
        var byWords = candidates
            .Where(c =>
                words.All(w => c.Name.Split(' ').Any(n => n.StartsWith(w.TrimEnd('s'), StringComparison.Ordinal)))
            )
            .ToList();
        if (byWords.Count > 0)
        {
            return Decide(byWords.Select(c => c.Scope));
        }

        // Typos: a small edit distance from the whole name, or (a half step worse, so "Planing" is Planning, not
        // Planning Policy) from one of its words.
        var allowed = Math.Max(1, text.Length / 4) * 2 + 1;
        var close = candidates
            .Select(c =>
                (
                    c.Scope,
                    Distance: Math.Min(
                        Distance(text, c.Name) * 2,
                        c.Name.Split(' ')
                            .Where(w => w.Length > 3)
                            .Select(w => Distance(text, w) * 2 + 1)
                            .DefaultIfEmpty(int.MaxValue)
                            .Min()
                    )
                )
            )
            .Where(c => c.Distance <= allowed)
            .OrderBy(c => c.Distance)
            .ToList();
        return close.Count == 0 ? new ScopeMatch.NotFound()
            : close.Count == 1 || close[0].Distance < close[1].Distance ? new ScopeMatch.Found(close[0].Scope)
            : new ScopeMatch.Unsure([.. close.Select(c => c.Scope).Take(5)]);
    }

    private static ScopeMatch Decide(IEnumerable<DigestScope> scopes)
    {
        var list = scopes.Distinct().ToList();
        return list.Count == 1 ? new ScopeMatch.Found(list[0]) : new ScopeMatch.Unsure([.. list.Take(5)]);
    }

    /// <summary>
    /// Lower case, "&amp;" as "and", punctuation as spaces, single spaces, no leading "the" or "our".
    /// </summary>
    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant().Replace("&", " and ", StringComparison.Ordinal))
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        var words = builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 0 && words[0] is "the" or "our" or "my")
        {
            words.RemoveAt(0);
        }

        return string.Join(' ', words);
    }

    private static bool EndsWithWord(ref string text, params string[] words)
    {
        foreach (var word in words)
        {
            if (text == word || text.EndsWith(" " + word, StringComparison.Ordinal))
            {
                text = text[..^word.Length].TrimEnd();
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours each cost one.
    /// </summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
