using PmfBot.Features.Demo;
using PmfBot.Testing;

namespace PmfBot.Tests.Questions;

/// <summary>Every phrasing in Phrasings.md, asked of the demo council, reads as the table says.</summary>
public sealed class QuestionPhrasingTests
{
    [Fact]
    public void The_table_holds_at_least_80_phrasings()
    {
        Assert.True(QuestionPhrasings.Read().Count >= 80, $"{QuestionPhrasings.Read().Count} rows");
    }

    [Fact]
    public void Every_phrasing_reads_as_the_table_says()
    {
        var (_, _, misses) = QuestionPhrasings.Score(DemoCouncil.Catalogue);

        Assert.True(misses.Count == 0, string.Join('\n', misses));
    }
}
