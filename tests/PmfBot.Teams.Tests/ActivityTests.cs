using System.Text.Json;
using System.Text.Json.Nodes;
using PmfBot.Teams.Schema;

namespace PmfBot.Teams.Tests;

public class ActivityTests
{
    private static Activity Read(string name) =>
        JsonSerializer.Deserialize<Activity>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Activities", name)), TeamsJson.Options)!;

    [Fact]
    public void ChannelMention_ReadsTeamsFields_AndStripsTheBotsMention()
    {
        var activity = Read("channel-mention.json");

        Assert.True(activity.IsType(ActivityTypes.Message));
        Assert.Equal("subscribe Waste weekly", activity.TextWithoutBotMention());
        Assert.Equal(ConversationTypes.Channel, activity.Conversation!.ConversationType);
        Assert.Equal("5a0f6c1e-2b7d-4e93-8a41-0c9d3e6b1f02", activity.From!.AadObjectId);
        var teams = activity.TeamsData!;
        Assert.Equal("19:team@thread.tacv2", teams.Team!.Id);
        Assert.Equal("19:abc@thread.tacv2", teams.Channel!.Id);
        Assert.Equal("7d1b3c52-9a4e-4c1f-8e2a-6b5d0c3a9f10", activity.TenantId);
    }

    [Theory]
    [InlineData("""{"tenant":"t1","team":5,"channel":[],"eventType":7}""")]
    [InlineData("""{"tenant":{"id":5},"team":{"id":null},"channel":{"name":"x"},"eventType":{"x":1}}""")]
    [InlineData("""{"tenant":null,"team":"19:team@thread.tacv2","channel":true}""")]
    public void TeamsData_OfTheWrongShape_IsAbsent_NotAnError(string channelData)
    {
        var activity = new Activity { Type = ActivityTypes.Message, ChannelData = JsonDocument.Parse(channelData).RootElement.Clone() };

        var teams = activity.TeamsData!;

        Assert.Equal((null, null, null, null), (teams.Tenant, teams.Team, teams.Channel, teams.EventType));
        Assert.Null(activity.TenantId);
    }

    [Fact]
    public void TextWithoutBotMention_SkipsEntitiesThatArentThere()
    {
        var json = """
            {"type":"message","text":"<at>PmfBot</at> help","recipient":{"id":"28:bot"},
             "entities":[null,{"type":null},{"type":"mention"},{"type":"mention","mentioned":null,"text":null},{"type":"mention","mentioned":{"id":null},"text":""}]}
            """;
        var activity = JsonSerializer.Deserialize<Activity>(json, TeamsJson.Options)!;

        Assert.Equal("help", activity.TextWithoutBotMention());
    }

    [Theory]
    [InlineData("<at>PmfBot</at> help", "help")]
    [InlineData("help <at>PmfBot</at>", "help")]
    [InlineData("<at>PmfBot</at>   how is   <at>Sam Taylor</at> doing", "how is Sam Taylor doing")] // someone else's mention keeps the name
    [InlineData("  plain text  ", "plain text")]
    public void TextWithoutBotMention_RemovesOnlyTheBot(string text, string expected)
    {
        var bot = new ChannelAccount("28:bot", "PmfBot");
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = text,
            Recipient = bot,
            Entities =
            [
                new Entity { Type = Entity.MentionType, Mentioned = bot, Text = "<at>PmfBot</at>" },
                new Entity { Type = Entity.MentionType, Mentioned = new ChannelAccount("29:sam", "Sam Taylor"), Text = "<at>Sam Taylor</at>" },
            ],
        };

        Assert.Equal(expected, activity.TextWithoutBotMention());
    }

    [Fact]
    public void Invoke_ExposesTheActionVerbAndData()
    {
        var activity = Read("card-execute.json");

        Assert.Equal(InvokeNames.AdaptiveCardAction, activity.Name);
        var action = activity.Value!.Value.GetProperty("action");
        Assert.Equal("submitUpdate", action.GetProperty("verb").GetString());
        Assert.Equal("73.5", action.GetProperty("data").GetProperty("value").GetString());
    }

    [Fact]
    public void RoundTrip_KeepsPropertiesTheModelDoesNotName()
    {
        var original = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Activities", "channel-mention.json"));

        var written = JsonSerializer.Serialize(JsonSerializer.Deserialize<Activity>(original, TeamsJson.Options), TeamsJson.Options);

        // The same instant may be written "Z" or "+00:00"; everything else comes back exactly.
        var (before, after) = (JsonNode.Parse(original)!.AsObject(), JsonNode.Parse(written)!.AsObject());
        Assert.Equal(DateTimeOffset.Parse(before["timestamp"]!.GetValue<string>()), DateTimeOffset.Parse(after["timestamp"]!.GetValue<string>()));
        before.Remove("timestamp");
        after.Remove("timestamp");
        Assert.True(JsonNode.DeepEquals(before, after), written);
    }

    [Fact]
    public void GetConversationReference_HasWhatAProactiveMessageNeeds()
    {
        var reference = Read("installation-add.json").GetConversationReference();

        Assert.Equal("http://127.0.0.1:56150/_connector", reference.ServiceUrl);
        Assert.Equal("personal-chat-priya", reference.Conversation.Id);
        Assert.Equal("3f9c2e71-5b8d-4a63-9c10-2e7f4a1b8d05", reference.Bot.Id);
        Assert.Equal("5a0f6c1e-2b7d-4e93-8a41-0c9d3e6b1f01", reference.User!.AadObjectId);
        Assert.Equal("7d1b3c52-9a4e-4c1f-8e2a-6b5d0c3a9f10", reference.TenantId);
    }

    [Fact]
    public void CreateReply_SwapsFromAndRecipient_AndRepliesToTheActivity()
    {
        var inbound = Read("personal-message.json");

        var reply = inbound.CreateReply("Hello");

        Assert.Equal(inbound.Recipient, reply.From);
        Assert.Equal(inbound.From, reply.Recipient);
        Assert.Equal(inbound.Id, reply.ReplyToId);
        var json = JsonSerializer.Serialize(reply, TeamsJson.Options);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"message\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void InvokeResponse_ErrorShape_IsWhatTeamsExpects()
    {
        var json = JsonSerializer.Serialize(AdaptiveCardInvokeResponse.Error(400, "BadInput", "Type a number"), TeamsJson.Options);

        Assert.Equal("""{"statusCode":400,"type":"application/vnd.microsoft.error","value":{"code":"BadInput","message":"Type a number"}}""", json);
    }
}
