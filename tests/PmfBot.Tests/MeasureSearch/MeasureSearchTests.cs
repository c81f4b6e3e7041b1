using System.Net.Http.Json;
using System.Text.Json;
using PmfBot.Domain.Catalogue;
using PmfBot.Features.Demo;
using PmfBot.Tests.Updates;
using Search = PmfBot.Features.MeasureSearch.MeasureSearch;

namespace PmfBot.Tests.MeasureSearch;

/// <summary>
/// "Find a measure", the search message extension, as Teams calls it (composeExtension/query invokes) on the demo
/// council as of Saturday 7 November 2026.
/// </summary>
public sealed class MeasureSearchTests : UpdateCycleHost
{
    // Helen Price is the performance team too, as in the local demo: she sees the whole council.
    protected override string[] MoreSettings => ["--Tab:PerformanceTeam:0", DemoPeople.HelenPrice.Id.Value];

    private async Task<JsonElement> SearchAsync(object value, Person? who = null)
    {
        var person = who ?? DemoPeople.PriyaShah;
        var response = await PostAsync(
            Personal(
                "invoke",
                name: "composeExtension/query",
                aad: person.AadObjectId,
                value: value,
                conversation: "a-group-chat",
                user: "29:" + person.Id
            )
        );
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("composeExtension");
    }

    private static object Query(string text, int skip = 0, int count = 25) =>
        new
        {
            commandId = Search.CommandId,
            parameters = new[] { new { name = Search.Parameter, value = text } },
            queryOptions = new { skip, count },
        };

    private static List<string> Titles(JsonElement result) =>
        [
            .. result
                .GetProperty("attachments")
                .EnumerateArray()
                .Select(a => a.GetProperty("preview").GetProperty("content").GetProperty("title").GetString()!),
        ];

    [Fact]
    public async Task WordsOfATitle_ListTheMeasure_WithItsStandingCardAndChart_ToInsert()
    {
        var result = await SearchAsync(Query("calls"));

        Assert.Equal("result", result.GetProperty("type").GetString());
        Assert.Equal("list", result.GetProperty("attachmentLayout").GetString());
        var cs02 = Assert.Single(result.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", cs02.GetProperty("contentType").GetString());
        var preview = cs02.GetProperty("preview");
        Assert.Equal("application/vnd.microsoft.card.thumbnail", preview.GetProperty("contentType").GetString());
        Assert.Equal(
            "CS 02 Calls answered within 5 minutes",
            preview.GetProperty("content").GetProperty("title").GetString()
        );
        Assert.StartsWith(
            "71.2% for Sep 2026 · Red · Customer Services",
            preview.GetProperty("content").GetProperty("text").GetString(),
            StringComparison.Ordinal
        );
        var card = AllText(cs02.GetProperty("content"));
        Assert.Contains("Chart.Line", card, StringComparison.Ordinal);
        Assert.Contains("Direction of travel", card, StringComparison.Ordinal);
        // Shared with others, the card's link never signs anyone in as the person who shared it.
        Assert.DoesNotContain("as=", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Action.Execute", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyMeasuresThePersonMaySee_AreFound()
    {
        var priya = await SearchAsync(Query("missed collections"));
        Assert.Equal("message", priya.GetProperty("type").GetString());
        Assert.Equal(
            "No measure you can see matches \"missed collections\". Try a reference (NI 192) or words of its title "
                + "(missed collections).",
            priya.GetProperty("text").GetString()
        );

        Assert.Equal(
            ["WM 03 Missed bins per 100,000 collections"],
            Titles(await SearchAsync(Query("missed collections"), DemoPeople.SamTaylor))
        );
    }

    [Fact]
    public async Task AReferenceBeingTyped_ListsEveryMeasureItStarts_PagedAsTeamsAsks()
    {
        var all = Titles(await SearchAsync(Query("NI"), DemoPeople.HelenPrice));
        var expected = DemoCouncil
            .Catalogue.Measures.Where(m => m.Reference.Value.StartsWith("NI", StringComparison.Ordinal))
            .Select(m => $"{m.Reference} {m.Title}")
            .Order()
            .ToList();
        Assert.Equal(expected, all.Order());

        Assert.Equal([all[1]], Titles(await SearchAsync(Query("NI", skip: 1, count: 1), DemoPeople.HelenPrice)));
    }

    [Fact]
    public async Task OpenedWithNothingTyped_OffersThePersonsOwnMeasures()
    {
        var offered = Titles(
            await SearchAsync(
                new { commandId = Search.CommandId, parameters = new[] { new { name = "initialRun", value = "true" } } }
            )
        );

        var own = DemoCouncil
            .Catalogue.Measures.Where(m =>
                m.MayBeUpdatedBy(DemoPeople.PriyaShah.Id) || m.EscalationOwner == DemoPeople.PriyaShah.Id
            )
            .Select(m => $"{m.Reference} {m.Title}")
            .ToList();
        Assert.InRange(offered.Count, 1, Search.MaxResults);
        Assert.All(offered, title => Assert.Contains(title, own));
    }

    [Fact]
    public async Task SomeoneNotInTheCatalogue_IsToldSo()
    {
        var response = await PostAsync(
            Personal(
                "invoke",
                name: "composeExtension/query",
                aad: "00000000-0000-0000-0000-000000000001",
                value: Query("calls"),
                conversation: "a-group-chat",
                user: "29:stranger"
            )
        );
        var result = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("composeExtension");

        Assert.Equal("message", result.GetProperty("type").GetString());
        Assert.StartsWith(
            "PmfBot can't find you in the council's performance catalogue",
            result.GetProperty("text").GetString(),
            StringComparison.Ordinal
        );
    }

    [Theory]
    [InlineData("{\"commandId\":\"somethingElse\",\"parameters\":[{\"name\":\"query\",\"value\":\"calls\"}]}")]
    [InlineData("\"calls\"")]
    [InlineData("{\"commandId\":42}")]
    public async Task AGarbledOrUnknownSearch_GetsAMessage_NotAnError(string value)
    {
        var json = JsonSerializer
            .Serialize(Personal("invoke", name: "composeExtension/query", value: "PLACEHOLDER"))
            .Replace("\"PLACEHOLDER\"", value, StringComparison.Ordinal);
        var response = await PostJsonAsync(json);
        response.EnsureSuccessStatusCode();
        var result = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("composeExtension");

        Assert.Equal("message", result.GetProperty("type").GetString());
        Assert.Equal(
            "That search isn't one PmfBot knows. Try \"Find a measure\".",
            result.GetProperty("text").GetString()
        );
    }
}
