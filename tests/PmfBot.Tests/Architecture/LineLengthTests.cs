using PmfBot.Testing;

namespace PmfBot.Tests.Architecture;

/// <summary>
/// The code in bot/ and cards/ stays within 120 characters a line, as its next owner reads it
/// (CSharpier formats it to that width; long texts and comments are broken by hand).
/// </summary>
public class LineLengthTests
{
    private const int MaxLength = 120;

    [Fact]
    public void NoLineInBotOrCards_IsLongerThan120Characters()
    {
        var built = $"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"; // generated at build time
        var tooLong = new[] { "bot", "cards" }
            .SelectMany(folder => Directory.GetFiles(Repo.Path(folder), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains(built, StringComparison.Ordinal))
            .SelectMany(path => File.ReadLines(path).Select((line, i) => (path, Line: i + 1, line.Length)))
            .Where(l => l.Length > MaxLength)
            .Select(l => $"{Path.GetRelativePath(Repo.Path(), l.path)}:{l.Line} ({l.Length})")
            .ToList();

        Assert.True(tooLong.Count == 0, $"Lines over {MaxLength} characters:\n{string.Join('\n', tooLong)}");
    }
}
