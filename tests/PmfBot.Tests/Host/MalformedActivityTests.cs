using System.Net;
using System.Text.Json.Nodes;
using PmfBot.Tests.Updates;

namespace PmfBot.Tests.Host;

/// <summary>
/// Activities/malformed.json, posted through the real host as Teams would post them: each shape
/// that can't be from Teams is refused with 400 before any handler runs (nothing stored, no call
/// to the connector); channel data and entities of odd shapes are read as absent and the turn is
/// answered as usual, never with the apology.
/// </summary>
public class MalformedActivityTests : UpdateCycleHost
{
    private static readonly JsonObject Cases =
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Host", "Activities", "malformed.json")))!
            .AsObject();

    public static IEnumerable<object[]> Names => Cases.Select(c => new object[] { c.Key });

    [Theory]
    [MemberData(nameof(Names))]
    public async Task EachShape_GetsItsStatus(string name)
    {
        var expected = (HttpStatusCode)Cases[name]!["expect"]!.GetValue<int>();
        var body = WithServiceUrl(Cases[name]!["activity"]!);
        var before = await StorageSnapshot.TakeAsync(Storage.Tables);

        var response = await PostJsonAsync(body);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
        {
            Assert.Contains("\"error\":", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Empty(Connector.Calls);
            Assert.Empty(before.ChangesTo(await StorageSnapshot.TakeAsync(Storage.Tables)));
        }
        else if (Cases[name]!["activity"]!["type"]!.GetValue<string>() == "conversationUpdate")
        {
            Assert.Empty(Connector.Calls); // taken, and nothing to say
        }
        else
        {
            var answer = Assert.Single(Connector.Calls, c => c.Method == "POST");
            var said = answer.Body!.Value.ToString();
            Assert.DoesNotContain("Sorry, something went wrong", said, StringComparison.Ordinal);
            Assert.Contains("What you can ask me", said, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AMessageLongerThanTeamsAllows_Is400()
    {
        var activity = Cases["message: channelData a string"]!["activity"]!.DeepClone().AsObject();
        activity["text"] = new string('8', 40_001);

        var response = await PostJsonAsync(WithServiceUrl(activity));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Connector.Calls);
    }

    /// <summary>The recorded activity as JSON, calling back to the fake connector at "$serviceUrl".</summary>
    private string WithServiceUrl(JsonNode activity) =>
        activity.ToJsonString().Replace("$serviceUrl", Connector.ServiceUrl, StringComparison.Ordinal);
}
