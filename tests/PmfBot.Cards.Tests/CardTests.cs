using System.Text;
using System.Text.Json;
using PmfBot.Testing;

namespace PmfBot.Cards.Tests;

public class CardTests
{
    private static readonly string GoldenFolder = Repo.Path("tests", "PmfBot.Cards.Tests", "Golden");

    private static readonly string Validator = Repo.Path("tests", "PmfBot.Cards.Tests", "validate-cards.js");

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
        Assert.InRange(Encoding.UTF8.GetByteCount(CardJson.ToJson(CardGallery.All[name])), 1, CardJson.MaxBytes);

    /// <summary>The cards that show a picture carry their charts (each checked by the validator below).</summary>
    [Theory]
    [InlineData("update-prompt", "Chart.Line")]
    [InlineData("update-recorded", "Chart.Line")]
    [InlineData("escalation-to-decide", "Chart.Line")]
    [InlineData("scorecard", "Chart.HorizontalBar.Stacked")]
    [InlineData("scorecard-service", "Chart.Donut")]
    [InlineData("scorecard-long", "Chart.HorizontalBar.Stacked")]
    [InlineData("digest", "Chart.VerticalBar.Grouped")]
    [InlineData("digest-steady", "Chart.Donut")]
    public void PictureCards_CarryTheirChart(string name, string chartType) =>
        Assert.Contains($"\"type\": \"{chartType}\"", CardJson.ToJson(CardGallery.All[name]), StringComparison.Ordinal);

    [Fact]
    public void EveryCard_ParsesCleanlyInTheOfficialRenderer_AtSchema15()
    {
        var folder = Directory.CreateTempSubdirectory("pmfbot-cards-").FullName;
        foreach (var (name, card) in CardGallery.All)
        {
            File.WriteAllText(Path.Combine(folder, name + ".json"), CardJson.ToJson(card));
        }

        var (exit, output, errors) = NodeScript.Run(Validator, folder);
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

        var (exit, output, errors) = NodeScript.Run(Validator, folder);
        Assert.True(exit is 0 or 1, errors);

        Assert.Equal(1, exit);
        Assert.Contains("Carousel", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// A chart Teams mobile couldn't show (no fallback) and one Teams couldn't draw (a colour and a property its card
    /// types don't have) are both caught; a well-formed chart with a fallback passes.
    /// </summary>
    [Fact]
    public void Validator_ChecksEveryChartAgainstTeamsCardTypes_AndForAFallback()
    {
        var folder = Directory.CreateTempSubdirectory("pmfbot-cards-charts-").FullName;
        const string Words = """{"type":"TextBlock","text":"Green 3, Red 1","wrap":true}""";
        var donut = Card(Donut("attention"));
        var badColour = Card($$"""{"type":"Container","items":[{{Donut("red")}}]}""");
        var badProperty = Card(
            $$"""{"type":"Chart.Line","title":"Trend","smooth":true,"data":[],"fallback":{{Words}}}""");
        File.WriteAllText(Path.Combine(folder, "good.json"), donut);
        var noFallback = Card("""{"type":"Chart.Line","title":"Trend","data":[]}""");
        File.WriteAllText(Path.Combine(folder, "no-fallback.json"), noFallback);
        File.WriteAllText(Path.Combine(folder, "bad-colour.json"), badColour);
        File.WriteAllText(Path.Combine(folder, "bad-property.json"), badProperty);

        var (exit, output, errors) = NodeScript.Run(Validator, folder);
        Assert.True(exit is 0 or 1, errors);

        var events = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToDictionary(r => r.GetProperty("file").GetString()!, r => r.GetProperty("events").ToString());
        Assert.Equal("[]", events["good.json"]);
        Assert.Contains("has no fallback in words", events["no-fallback.json"], StringComparison.Ordinal);
        Assert.Contains("red", events["bad-colour.json"], StringComparison.Ordinal);
        Assert.Contains("ChartColor", events["bad-colour.json"], StringComparison.Ordinal);
        Assert.Contains("smooth", events["bad-property.json"], StringComparison.Ordinal);
        Assert.Equal(1, exit);

        static string Card(string element) => $$"""{"type":"AdaptiveCard","version":"1.5","body":[{{element}}]}""";

        static string Donut(string colour)
        {
            var slice = $$"""{"legend":"Red","value":1,"color":"{{colour}}"}""";
            return $$"""{"type":"Chart.Donut","title":"RAG","data":[{{slice}}],"fallback":{{Words}}}""";
        }
    }

    [Fact]
    public void TypedText_IsEscaped_SoMarkdownShowsAsTyped()
    {
        var json = CardJson.ToJson(CardGallery.All["my-measures"]);
        Assert.Contains(@"\\[no \\*target\\*\\]", json, StringComparison.Ordinal);
    }
}
