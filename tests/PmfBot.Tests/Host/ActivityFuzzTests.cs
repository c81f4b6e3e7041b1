using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PmfBot.Features.Demo;
using PmfBot.Storage.Conversations;
using PmfBot.Tests.Updates;

namespace PmfBot.Tests.Host;

/// <summary>
/// Thousands of activities made from real ones by random damage — nulls, wrong types, huge and
/// invisible strings, bad URLs, missing parts — posted through the real host. None may get a 5xx
/// or the apology (a crash answered kindly is still a crash), none may log an error, a refused one
/// may not reach the connector, and none may store anything but a conversation reference for a
/// serviceUrl the bot may call. The activities come from someone the catalogue doesn't know or
/// ask for help, so a well-formed one changes nothing either. Seeded: a failure names the activity.
/// </summary>
public class ActivityFuzzTests : UpdateCycleHost
{
    private const int Activities = 3000;
    private const string Stranger = "0b7c8a1e-0000-4000-8000-00000000f022";
    private const string Apology = "Sorry, something went wrong";

    private readonly FakeLogCollector _logs = new();

    protected override void ReplaceServices(IServiceCollection services) =>
        services.AddSingleton<ILoggerProvider>(new FakeLoggerProvider(_logs));

    [Fact]
    public async Task DamagedActivities_AreRefusedOrAnswered_NeverCrash_AndStoreNothing()
    {
        // The bot's pacing is tested elsewhere; here every reply should land at once.
        Connector.EnforceRateLimits = false;
        var random = new Random(19);
        var before = await StorageSnapshot.TakeAsync(Storage.Tables);
        var failures = new List<string>();
        var refused = 0;

        for (var i = 0; i < Activities && failures.Count < 10; i++)
        {
            var activity = Damage(Base(random.Next(8), i), random);
            var body = activity.ToJsonString();
            var calls = Connector.Calls.Count;
            var response = await PostJsonAsync(body);
            var answer = await response.Content.ReadAsStringAsync();

            // An invoke PmfBot doesn't handle is 501 Not Implemented, as Bot Framework's own handlers answer it.
            var unhandledInvoke = response.StatusCode == HttpStatusCode.NotImplemented
                && answer.Contains("No handler for invoke", StringComparison.Ordinal);
            var crashed = (int)response.StatusCode >= 500 && !unhandledInvoke;
            if (crashed || answer.Contains(Apology, StringComparison.Ordinal))
            {
                failures.Add($"#{i} {(int)response.StatusCode} {Short(answer)} for {Short(body)}");
            }
            else if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                refused++;
                if (Connector.Calls.Count != calls)
                {
                    failures.Add($"#{i} was refused but the connector was called, for {Short(body)}");
                }
            }
        }

        var errors = _logs.GetSnapshot().Where(l => l.Level >= LogLevel.Error)
            .Select(l => $"{l.Message} {l.Exception?.GetType().Name}").Distinct().Take(5).ToList();
        var apologies = Connector.Calls.Count(c =>
            c.Body?.ToString().Contains(Apology, StringComparison.Ordinal) == true);
        var stored = before.ChangesTo(await StorageSnapshot.TakeAsync(Storage.Tables), "Conversations");
        var elsewhere = await ConversationsElsewhereAsync();

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Equal(0, apologies);
        Assert.Empty(stored);
        Assert.Empty(elsewhere);
        // The damage is varied: many refused, many not.
        Assert.InRange(refused, Activities / 4, Activities - (Activities / 10));
    }

    /// <summary>
    /// Real activities: a stranger's typed figure and card press, a stranger's install, a channel
    /// asking for help, and Priya asking for help, what's due, or opening an update's card or an
    /// escalation (read-only, so that whatever the damage leaves of them, nothing is written).
    /// </summary>
    private JsonObject Base(int kind, int n)
    {
        var personal = new JsonObject
        {
            ["type"] = "message",
            ["id"] = $"f:{n}",
            ["timestamp"] = "2026-11-07T09:20:00.000Z",
            ["serviceUrl"] = Connector.ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = $"29:user-{n}", ["name"] = "Someone", ["aadObjectId"] = Stranger },
            ["conversation"] = new JsonObject
            {
                ["id"] = $"a:chat-{n}", ["conversationType"] = "personal", ["tenantId"] = Tenant,
            },
            ["recipient"] = new JsonObject { ["id"] = $"28:{BotId}", ["name"] = "PmfBot" },
            ["text"] = "CS 02: 85 — all fine; action: none",
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
            ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-GB" }),
            ["locale"] = "en-GB",
        };
        switch (kind)
        {
            case 1:
                personal["type"] = "invoke";
                personal["name"] = "adaptiveCard/action";
                personal.Remove("text");
                personal["value"] = JsonNode.Parse("""
                    {"action":{"type":"Action.Execute","verb":"submitUpdate",
                     "data":{"measure":"CS 02","period":"FY2026-M07","value":"85",
                             "commentary":"Fine.","actionNote":""}},
                     "trigger":"manual"}
                    """);
                break;
            case 2:
                personal["type"] = "installationUpdate";
                personal["action"] = "add";
                personal.Remove("text");
                break;
            case 3:
                personal["from"]!["aadObjectId"] = DemoPeople.PriyaShah.AadObjectId;
                personal["text"] = "help";
                break;
            case 5 or 6 or 7:
                personal["from"]!["aadObjectId"] = DemoPeople.PriyaShah.AadObjectId;
                personal["type"] = kind == 5 ? "message" : "invoke";
                personal["text"] = kind == 5 ? "what's due" : null;
                personal["name"] = kind == 5 ? null : "adaptiveCard/action";
                personal["value"] = kind == 5 ? null : new JsonObject
                {
                    ["action"] = new JsonObject
                    {
                        ["type"] = "Action.Execute",
                        ["verb"] = kind == 6 ? "openUpdate" : "openEscalation",
                        ["data"] = new JsonObject { ["measure"] = "CS 02", ["period"] = "FY2026-M07" },
                    },
                    ["trigger"] = "manual",
                };
                break;
            case 4:
                personal["text"] = "<at>PmfBot</at> help";
                personal["conversation"] = new JsonObject
                {
                    ["id"] = $"19:perf@thread.tacv2;messageid={n}", ["conversationType"] = "channel",
                    ["isGroup"] = true, ["tenantId"] = Tenant,
                };
                personal["entities"] = new JsonArray(new JsonObject
                {
                    ["type"] = "mention",
                    ["text"] = "<at>PmfBot</at>",
                    ["mentioned"] = new JsonObject { ["id"] = $"28:{BotId}", ["name"] = "PmfBot" },
                });
                personal["channelData"] = new JsonObject
                {
                    ["tenant"] = new JsonObject { ["id"] = Tenant },
                    ["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2", ["name"] = "Management" },
                    ["channel"] = new JsonObject { ["id"] = "19:perf@thread.tacv2", ["name"] = "Performance" },
                };
                break;
        }

        return personal;
    }

    /// <summary>One to three kinds of damage, each at a random place in the activity.</summary>
    private static JsonObject Damage(JsonObject activity, Random random)
    {
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var places = Places(activity).ToList();
            var (parent, key) = places[random.Next(places.Count)];
            var replacement = Garbage(random);
            if (parent is JsonObject o)
            {
                if (random.Next(8) == 0)
                {
                    o.Remove(key);
                }
                else
                {
                    o[key] = replacement;
                }
            }
            else if (parent is JsonArray a)
            {
                a[int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)] = replacement;
            }
        }

        return activity;
    }

    private static IEnumerable<(JsonNode Parent, string Key)> Places(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o.ToList())
                {
                    yield return (o, key);
                    if (child is not null)
                    {
                        foreach (var inner in Places(child))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    yield return (a, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    if (a[i] is { } child)
                    {
                        foreach (var inner in Places(child))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
        }
    }

    private static JsonNode? Garbage(Random random) => random.Next(22) switch
    {
        0 => null,
        1 => JsonValue.Create(0),
        2 => JsonValue.Create(-1),
        3 => JsonValue.Create(1.7976931348623157e308),
        4 => JsonValue.Create(true),
        5 => JsonValue.Create(string.Empty),
        6 => JsonValue.Create(new string('A', random.Next(1_000, 120_000))),
        7 => JsonValue.Create("\u0000\u0007\u001b[31m"),
        8 => JsonValue.Create("\u200B\u200E\uFEFF"),
        9 => new JsonArray(),
        10 => new JsonArray(null, JsonValue.Create(1), JsonValue.Create("x")),
        11 => new JsonObject(),
        12 => new JsonObject { ["id"] = null },
        13 => JsonValue.Create("file:///etc/passwd"),
        14 => JsonValue.Create("javascript:alert(1)"),
        15 => JsonValue.Create("http://127.0.0.1:99999/"),
        16 => JsonValue.Create("https://evil.example.com/uk/"),
        17 => JsonValue.Create("ftp://127.0.0.1/"),
        18 => JsonValue.Create("a/b#c?d\\e"),
        19 => JsonValue.Create("FY9999-Q9"),
        20 => JsonValue.Create("1e400"),
        _ => JsonValue.Create("٥٠ 𝐁 ﷽"),
    };

    /// <summary>Stored conversation references whose serviceUrl isn't the (fake) connector's.</summary>
    private async Task<IReadOnlyList<string>> ConversationsElsewhereAsync()
    {
        var elsewhere = new List<string>();
        await foreach (var entity in Storage.Tables.Conversations.QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            if (entity.GetString(nameof(StoredConversation.ServiceUrl)) is { } url && url != Connector.ServiceUrl)
            {
                elsewhere.Add($"{entity.PartitionKey}/{entity.RowKey}: {Short(url)}");
            }
        }

        return elsewhere;
    }

    private static string Short(string text) => text.Length <= 400 ? text : text[..400] + "…";
}
