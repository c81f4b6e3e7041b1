using System.Text;
using System.Text.Json;
using PmfBot.Testing;

namespace PmfBot.Cards.Tests;

public class CardTests
{
    private static readonly string GoldenFolder = Repo.Path("tests", "PmfBot.Cards.Tests", "Golden");

    public static TheoryData<string> Names => new(CardGallery.All.Keys);

    /// <summary>The card's JSON is kept under review: set PMFBOT_UPDATE_GOLDEN=1 to accept a deliberate change.</summary>
    [Theory]
    [MemberData(nameof(Names))]
    public void Card_MatchesItsGoldenFile(string name)
    {
        var json = CardJson.ToJson(CardGallery.All[name]).ReplaceLineEndings("\n") + "\n";
        var golden = Path.Combine(GoldenFolder, name + ".json");
        if (Environment.GetEnvironmentVariable("PMFBOT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, json);
        }

        Assert.True(File.Exists(golden), $"No golden file for {name}: run with PMFBOT_UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(golden), json);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Card_FitsTeamsSizeLimit(string name) =>
        Assert.True(Encoding.UTF8.GetByteCount(CardJson.ToJson(CardGallery.All[name])) < CardJson.MaxBytes);

    [Fact]
    public void EveryCard_ParsesCleanlyInTheOfficialRenderer_AtSchema15()
    {
        var folder = Directory.CreateTempSubdirectory("pmfbot-cards-").FullName;
        foreach (var (name, card) in CardGallery.All)
        {
            File.WriteAllText(Path.Combine(folder, name + ".json"), CardJson.ToJson(card));
        }

        var (exit, output, errors) = NodeScript.Run(Repo.Path("tests", "PmfBot.Cards.Tests", "validate-cards.js"), folder);
        Assert.True(exit is 0 or 1, errors);

        var reports = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(CardGallery.All.Count, reports.Count);
        Assert.All(reports, r => Assert.True(r.GetProperty("events").GetArrayLength() == 0, r.ToString()));
        Assert.Equal(0, exit);
    }

    [Fact]
    public void Validator_CatchesACardTeamsCouldNotRender()
    {
        var folder = Directory.CreateTempSubdirectory("pmfbot-cards-bad-").FullName;
        File.WriteAllText(Path.Combine(folder, "bad.json"), """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Carousel"},{"type":"TextBlock"}]}""");

        var (exit, output, errors) = NodeScript.Run(Repo.Path("tests", "PmfBot.Cards.Tests", "validate-cards.js"), folder);
        Assert.True(exit is 0 or 1, errors);

        Assert.Equal(1, exit);
        Assert.Contains("Carousel", output, StringComparison.Ordinal);
    }

    [Fact]
    public void TypedText_IsEscaped_SoMarkdownShowsAsTyped()
    {
        var json = CardJson.ToJson(CardGallery.All["my-measures"]);
        Assert.Contains(@"\\[no \\*target\\*\\]", json, StringComparison.Ordinal);
    }
}
