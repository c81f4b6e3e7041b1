using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Digests;
using PmfBot.Domain.Questions;

namespace PmfBot.Testing;

/// <summary>One row of tests/PmfBot.Tests/Questions/Phrasings.md: a question and what must be read from it.</summary>
public sealed record QuestionPhrasing(string Phrasing, string Intent, string Scope, string Time, string Words)
{
    /// <summary>Why <paramref name="read"/> is not what the row expects; null when it is.</summary>
    public string? Mismatch(Question? read)
    {
        if (Intent == "-")
        {
            return read is null ? null : $"read as {read.Intent}, but it is not a question";
        }

        if (read is null)
        {
            return "not understood";
        }

        var scope =
            read.Intent == QuestionIntent.OneMeasure ? read.Measures![0].Reference.ToString() : ScopeText(read.Scope);
        var time = read.Time is { } t ? $"{t.From:yyyy-MM-dd}..{t.To:yyyy-MM-dd}" : "-";
        var got = (read.Intent.ToString(), scope, time, read.Words ?? string.Empty);
        return got == (Intent, Scope, Time, Words) ? null : $"read as {got}";
    }

    private static string ScopeText(AskedScope scope) =>
        scope.Kind switch
        {
            AskedScopeKind.Unstated => "-",
            AskedScopeKind.Mine => "mine",
            _ => scope.Match switch
            {
                ScopeMatch.Found found => found.Scope.Key,
                ScopeMatch.Unsure => "unsure",
                _ => "unknown",
            },
        };
}

/// <summary>The table of phrasings people can read and add to, as data.</summary>
public static class QuestionPhrasings
{
    /// <summary>The day the table's times are counted from.</summary>
    public static readonly DateOnly AskedOn = new(2026, 12, 7);

    public static string FilePath => Repo.Path("tests", "PmfBot.Tests", "Questions", "Phrasings.md");

    public static IReadOnlyList<QuestionPhrasing> Read() =>
        [
            .. File.ReadLines(FilePath)
                .Where(line =>
                    line.StartsWith("| ", StringComparison.Ordinal)
                    && !line.StartsWith("| Phrasing", StringComparison.Ordinal)
                )
                .Select(line =>
                    line.Replace("\\|", "\u0001", StringComparison.Ordinal)
                        .Split('|')
                        .Select(cell => cell.Replace('\u0001', '|').Trim())
                        .ToArray()
                )
                .Select(cells => new QuestionPhrasing(cells[1], cells[2], cells[3], cells[4], cells[5])),
        ];

    /// <summary>How many rows the reader gets right, of how many, and the misses.</summary>
    public static (int Understood, int Of, IReadOnlyList<string> Misses) Score(CouncilCatalogue catalogue)
    {
        var rows = Read();
        var misses = rows.Select(r =>
                (r.Phrasing, Why: r.Mismatch(QuestionReader.Read(r.Phrasing, catalogue, AskedOn)))
            )
            .Where(r => r.Why is not null)
            .Select(r => $"\"{r.Phrasing}\": {r.Why}")
            .ToList();
        return (rows.Count - misses.Count, rows.Count, misses);
    }
}
