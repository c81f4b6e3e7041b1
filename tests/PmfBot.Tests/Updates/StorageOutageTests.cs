using System.Net.Http.Json;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Storage.Results;
using PmfBot.Testing;

namespace PmfBot.Tests.Updates;

/// <summary>
/// Storage goes down while Priya enters October's CS 02 (the host reaches Azurite's Table service
/// through a relay the test cuts): her card comes back with what she entered and says it wasn't
/// saved; nothing is stored; once storage is back, one press records it, exactly once.
/// </summary>
public sealed class StorageOutageTests : UpdateCycleHost, IDisposable
{
    private static readonly MeasureReference Cs02 = MeasureReference.Parse("CS 02");
    private static readonly ReportingPeriod October = ReportingPeriod.Parse("FY2026-M07");

    private TcpRelay? _relay;

    private TcpRelay Relay => _relay ??= TcpRelay.Start(TablePort(Storage.ConnectionString));

    protected override string[] MoreSettings => ["--Storage:ConnectionString", Relay.Through(Storage.ConnectionString)];

    private ResultStore Results => new(Storage.Tables); // straight to Azurite, not through the relay

    private static object Entry(string value) => new
    {
        verb = "submitUpdate", measure = "CS 02", period = October.Code, value,
        commentary = "Queue times up after the phone system change.",
        actionNote = "Two temporary advisers from Monday.",
    };

    [Fact]
    public async Task StorageDownDuringASubmit_TheCardComesBackWithTheEntry_ThenOnePressRecordsItOnce()
    {
        await InstallAsync(); // Priya's chat, and the catalogue as loaded today
        Relay.Cut();

        var unsaved = await PressAsync("submitUpdate", Entry("73.7"));

        var card = CardOf(unsaved);
        Assert.Contains(
            "Not saved: PmfBot can't reach its storage just now. "
                + "Your entry is still here; press Submit update again",
            card, StringComparison.Ordinal);
        Assert.DoesNotContain("lost", card, StringComparison.Ordinal);
        Assert.Equal(73.7, InputOn(RawCardOf(unsaved), "value")!.Value.GetProperty("value").GetDouble());
        Assert.Equal("Queue times up after the phone system change.", Kept(unsaved, "commentary"));
        Assert.Equal("Two temporary advisers from Monday.", Kept(unsaved, "actionNote"));
        Assert.Null(await Results.GetAsync(Cs02, October, default));

        Relay.Restore();
        var recorded = CardOf(await PressAsync("submitUpdate", Entry("73.7")));
        var again = CardOf(await PressAsync("submitUpdate", Entry("73.7")));

        Assert.Contains("Recorded: 73.7% for Oct 2026", recorded, StringComparison.Ordinal);
        Assert.Contains("already recorded", again, StringComparison.Ordinal);
        Assert.Equal(73.7m, (await Results.GetAsync(Cs02, October, default))!.Value);
        Assert.Single(await Results.GetAuditTrailAsync(Cs02, October, default));
    }

    [Fact]
    public async Task StorageDownBeforeTheCatalogueWasEverRead_APressedCardIsLeftAsItIs_WithAnErrorSayingNotSaved()
    {
        Relay.Cut();

        var answer = await PressAsync("openEscalation", Open());

        Assert.Equal("application/vnd.microsoft.error", answer.GetProperty("type").GetString());
        Assert.Equal(503, answer.GetProperty("statusCode").GetInt32());
        Assert.StartsWith("Not saved: PmfBot can't reach its storage just now. What you entered is still on the card",
            answer.GetProperty("value").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StorageDownDuringAMeasureSearch_TheSearchSaysSo_NotAnError()
    {
        Relay.Cut();

        var response = await PostAsync(Personal("invoke", name: "composeExtension/query", value: new
        {
            commandId = "findMeasure",
            parameters = new[] { new { name = "query", value = "calls" } },
        }));

        response.EnsureSuccessStatusCode();
        var result = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>())
            .GetProperty("composeExtension");
        Assert.Equal("message", result.GetProperty("type").GetString());
        Assert.Equal("PmfBot can't reach its storage just now, so it can't search. Try again in a minute.",
            result.GetProperty("text").GetString());
    }

    [Fact]
    public async Task StorageDownWhileTyping_TheChatSaysNothingWasSaved()
    {
        await InstallAsync();
        Relay.Cut();

        await PostAsync(Personal("message", "CS 02: 73.7 — queue times up; action: two temporary advisers"));

        Assert.Equal(
            "I couldn't do that, and nothing was saved: PmfBot can't reach its storage just now. "
                + "Please send it again in a few minutes.",
            LastPostedText());
        Assert.Null(await Results.GetAsync(Cs02, October, default));
    }

    public void Dispose() => _relay?.Cut();

    /// <summary>What a text input on the card answered with holds.</summary>
    private static string? Kept(System.Text.Json.JsonElement answer, string input) =>
        InputOn(RawCardOf(answer), input)!.Value.GetProperty("value").GetString();

    /// <summary>The Table port in Azurite's connection string ("TableEndpoint=http://127.0.0.1:PORT/…").</summary>
    private static int TablePort(string connectionString)
    {
        const string Key = "TableEndpoint=";
        var setting = connectionString.Split(';').Single(p => p.StartsWith(Key, StringComparison.Ordinal));
        var endpoint = setting[Key.Length..];
        return new Uri(endpoint).Port;
    }
}
