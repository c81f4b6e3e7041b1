using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Testing;

namespace PmfBot.EndToEnd.Tests;

/// <summary>
/// The update journey clicked through in a real browser (Debian's Chromium, driven by Playwright):
/// the Playground's own UI renders the prompt card, a person fills it in and presses Submit, and
/// the recorded card and the escalation card appear. The test command installs Chromium when it
/// is missing; screenshots go to PMFBOT_SHOTS when set (the README's come from there).
/// </summary>
public sealed class BrowserJourneyTests
{
    [Fact]
    public async Task APromptFilledInAndSubmittedInTheBrowser_IsRecorded_AndEscalated()
    {
        await using var harness = await PlaygroundHarness.StartAsync(asOf: "2026-11-07", clockStartAt: "2026-11-07T09:00");
        var shots = Environment.GetEnvironmentVariable("PMFBOT_SHOTS") is { Length: > 0 } kept
            ? Directory.CreateDirectory(kept).FullName
            : Directory.CreateTempSubdirectory("pmfbot-shots-").FullName;

        var (exit, output, errors) = await Task.Run(() => NodeScript.Run(
            Repo.Path("tests", "PmfBot.EndToEnd.Tests", "browser", "update-journey.js"),
            harness.Playground.BaseAddress!.ToString().TrimEnd('/'), harness.Bot.BaseAddress!.ToString().TrimEnd('/'), shots));

        Assert.True(exit == 0, $"The browser journey failed: {errors}\n{output}");
        Assert.Contains("step: saw the escalation card", output, StringComparison.Ordinal);
        var stored = await harness.Results.GetAsync(MeasureReference.Parse("CS 02"), ReportingPeriod.CalendarMonth(2026, 10), default);
        Assert.Equal((61.5m, "Two agency advisers for eight weeks; revert the phone menu."), (stored!.Value, stored.ActionNote));
        Assert.Contains("step: was asked for an action note, with the entry kept", output, StringComparison.Ordinal);
        Assert.All(["browser-prompt.png", "browser-refused.png", "browser-recorded.png", "browser-escalation.png", "browser-chat.png"],
            shot => Assert.True(new FileInfo(Path.Combine(shots, shot)).Length > 1000, shot));
    }
}
