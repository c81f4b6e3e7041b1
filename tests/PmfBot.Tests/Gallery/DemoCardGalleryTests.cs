using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PmfBot.Cards;
using PmfBot.Domain.Calendar;
using PmfBot.Features.Demo;
using PmfBot.Testing;
using PmfBot.Tests.Digests;

namespace PmfBot.Tests.Gallery;

/// <summary>
/// The card gallery, filled from the demo council by the bot itself: a scripted month of the
/// Performance Management Framework (welcome, help, prompts, a wrong figure, a recorded one,
/// escalations and every decision, reminders, overdue chasers, the weekly digest, a scorecard, a
/// report, refusals) run against the real host, with every card the bot posted, updated or answered
/// with written to a folder as JSON. Then every one is checked with the official Adaptive Cards
/// renderer at schema 1.5 and against Teams' size limit.
/// </summary>
/// <remarks>
/// infra/local/cards.sh runs just this and keeps the folder (PMFBOT_CARDS_OUT); otherwise it is a temporary one.
/// </remarks>
public partial class DemoCardGalleryTests : DigestHost
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly List<(string Step, JsonElement Card)> _cards = [];
    private int _seen;

    protected override string[] MoreSettings =>
    [
        "--Escalations:NextLevel:0", DemoPeople.DanielOkoro.Id.Value,
        "--Escalations:NextLevel:1", DemoPeople.HelenPrice.Id.Value,
        "--Digests:Managers:0", DemoPeople.DanielOkoro.Id.Value,
    ];

    [Fact]
    public async Task EveryCardTheBotSends_FromTheDemoCouncil_ParsesCleanlyAtSchema15_AndFitsTeamsLimit()
    {
        await RunTheMonthAsync();

        var folder = Environment.GetEnvironmentVariable("PMFBOT_CARDS_OUT") is { Length: > 0 } kept
            ? Directory.CreateDirectory(kept).FullName
            : Directory.CreateTempSubdirectory("pmfbot-gallery-").FullName;
        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            File.Delete(file);
        }

        var names = new List<string>();
        foreach (var (step, card) in _cards)
        {
            var name = $"{names.Count + 1:000}-{step}-{Slug(card)}";
            names.Add(name);
            await File.WriteAllTextAsync(Path.Combine(folder, name + ".json"), JsonSerializer.Serialize(card, Indented));
        }

        // Every kind of card the month should have produced, by what its first line says.
        string[] expected =
        [
            "welcome", "help", "my-measures", "whats-due", "prompt", "needs-fixing", "recorded", "escalated", "approved", "asked", "answered",
            "not-yours", "resource", "stopped", "activity-escalated", "activity-approved", "subscribed", "digest",
            "scorecard", "report", "reminder", "overdue", "chase",
        ];
        Assert.All(expected, step => Assert.Contains(names, n => n.Contains($"-{step}-", StringComparison.Ordinal)));

        var (exit, output, errors) = NodeScript.Run(Repo.Path("tests", "PmfBot.Cards.Tests", "validate-cards.js"), folder);
        Assert.True(exit is 0 or 1, errors);
        var reports = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(_cards.Count, reports.Count);
        Assert.All(reports, r => Assert.True(r.GetProperty("events").GetArrayLength() == 0, r.ToString()));

        // The cards with pictures drew them from the demo council's figures (each chart checked above).
        var charted = reports.Where(r => r.GetProperty("charts").GetInt32() > 0)
            .Select(r => r.GetProperty("file").GetString()!)
            .ToList();
        Assert.All(["prompt", "recorded", "escalated", "digest", "scorecard"], step =>
            Assert.Contains(charted, file => file.Contains($"-{step}-", StringComparison.Ordinal)));
        Assert.All(names, n => Assert.InRange(new FileInfo(Path.Combine(folder, n + ".json")).Length, 1, CardJson.MaxBytes));
    }

    /// <summary>Priya Shah (owner, and Director of Resources so escalation owner too) and the Management Team, 7 November 2026 to 8 January 2027.</summary>
    private async Task RunTheMonthAsync()
    {
        await InstallAsync();
        Take("welcome");
        await Say("help", "help");
        await Say("my measures", "my-measures");
        await Say("what's due", "whats-due");

        await Scan.RunAsync(default);
        Take("prompt");

        // A wrong figure, then the right one: Red, so escalated to Priya as Director of Resources.
        Answer("needs-fixing", await PressAsync("submitUpdate", Update("CS 02", "FY2026-M07", "61.5", actionNote: null)));
        Answer("recorded", await PressAsync("submitUpdate", Update("CS 02", "FY2026-M07", "61.5")));
        Take("escalated");
        Answer("approved", await PressAsync("decideEscalation", Decision("approve", "Agreed: agency cover until January.", "2027-01-15", "CS 02", "FY2026-M07")));
        Take("approved");
        Answer("not-yours", await PressAsync("openEscalation", Open("CS 02", "FY2026-M07"),
            aad: DemoPeople.SamTaylor.AadObjectId, conversation: "personal-chat-sam", user: "user-sam-taylor"));

        // Asking for more, and the owner's answer.
        await PressAsync("submitUpdate", Update("CS 01", "FY2026-M07", "61.5"));
        Take("escalated");
        Answer("asked", await PressAsync("decideEscalation", Decision("ask", "How long until the backlog is cleared?", null, "CS 01", "FY2026-M07")));
        Take("asked");
        Answer("answered", await PressAsync("answerEscalation", new { verb = "answerEscalation", measure = "CS 01", period = "FY2026-M07", question = "1", answer = "Four weeks, with the two agency staff." }));
        Take("answered");

        // An activity reported off track goes to Priya too, as Director of Resources, and she approves the recovery.
        await PressAsync("submitActivity", new
        {
            activity = "foi-audit-actions", period = "FY2026-Q2", status = "OffTrack", percentComplete = "40",
            commentary = "Half the request handlers untrained: the trainer left.",
            actionNote = "Buy in the county's FOI training; two sessions in December.",
        });
        Take("activity-escalated");
        Answer("activity-approved", await PressAsync("decideEscalation", new
        {
            verb = "decideEscalation", activity = "foi-audit-actions", period = "FY2026-Q2", decision = "approve",
            decisionNote = "Agreed: book both sessions.", decisionUntil = "2027-01-15",
        }));

        // The Management Team's channel subscribes; Monday's digest; a scorecard and a report.
        await SayInChannelAsync("subscribe Resources department");
        Take("subscribed");
        Clock.MoveTo(Uk(11, 9, 9));
        await Poster.RunAsync(CancellationToken.None);
        Take("digest");
        await Say("how is my service doing?", "scorecard");
        await Say("export Q2 2026/27 for Customer Services", "report");

        // Reminders on the deadline day, then the overdue chasers and the chase to the Head of Service.
        Clock.MoveTo(Uk(11, 10, 9));
        await Scan.RunAsync(default);
        Take("reminder");
        Clock.MoveTo(Uk(11, 11, 9));
        await Scan.RunAsync(default);
        Take("overdue");
        Clock.MoveTo(Uk(11, 18, 9));
        await Scan.RunAsync(default);
        Take("chase");

        // Later months: allocating resource, then stopping.
        Clock.MoveTo(Uk(12, 7, 9));
        await PressAsync("submitUpdate", Update("CS 02", "FY2026-M08", "60.2"));
        Take("escalated");
        Answer("resource", await PressAsync("decideEscalation", Decision("resource", "Two more agency advisers from the corporate contingency.", null, "CS 02", "FY2026-M08")));
        Take("resource");
        Clock.MoveTo(Uk(1, 8, 9, year: 2027));
        await PressAsync("submitUpdate", Update("CS 02", "FY2026-M09", "58.9"));
        Take("escalated");
        Answer("stopped", await PressAsync("decideEscalation", Decision("stop", "The phone menu change is stopped; back to the old menu.", null, "CS 02", "FY2026-M09")));
        Take("stopped");
    }

    private async Task Say(string text, string step)
    {
        await PostAsync(Personal("message", text));
        Take(step);
    }

    /// <summary>Every card the bot has posted or updated since the last call, anywhere, under this step's name.</summary>
    private void Take(string step)
    {
        var calls = Connector.Calls.ToList();
        foreach (var call in calls.Skip(_seen).Where(c => c.Status < 300 && c.Body is not null))
        {
            var activity = call.Body!.Value.TryGetProperty("activity", out var started) ? started : call.Body.Value;
            if (activity.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array)
            {
                foreach (var attachment in attachments.EnumerateArray().Where(a => a.GetProperty("contentType").GetString() == "application/vnd.microsoft.card.adaptive"))
                {
                    _cards.Add((step, attachment.GetProperty("content").Clone()));
                }
            }
        }

        _seen = calls.Count;
    }

    /// <summary>A card an invoke answered with (text answers are not cards, and are left out).</summary>
    private void Answer(string step, JsonElement invokeResponse)
    {
        if (invokeResponse.GetProperty("type").GetString() == "application/vnd.microsoft.card.adaptive")
        {
            _cards.Add((step, invokeResponse.GetProperty("value").Clone()));
        }
    }

    private static object Update(string measure, string period, string value, string? actionNote = "Two agency advisers for eight weeks; revert the phone menu.") =>
        new { verb = "submitUpdate", measure, period, value, commentary = "Two advisers off long-term sick; the new phone menu doubled transfers.", actionNote };

    /// <summary>A file name from the card's first words, so the folder reads as a list of what was sent.</summary>
    private static string Slug(JsonElement card)
    {
        var first = card.GetProperty("body").EnumerateArray().Select(FirstText).FirstOrDefault(t => t is { Length: > 0 }) ?? "card";
        var slug = NotWordy().Replace(first.ToLowerInvariant(), "-").Trim('-');
        return slug.Length > 48 ? slug[..48].TrimEnd('-') : slug;

        static string? FirstText(JsonElement e) => e.ValueKind != JsonValueKind.Object ? null
            : e.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()
            : e.EnumerateObject().Select(p => p.Value.ValueKind == JsonValueKind.Array ? p.Value.EnumerateArray().Select(FirstText).FirstOrDefault(x => x is { Length: > 0 }) : FirstText(p.Value))
                .FirstOrDefault(x => x is { Length: > 0 });
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotWordy();
}
