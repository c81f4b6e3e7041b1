using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Features.Demo;
using PmfBot.Storage.Catalogue;
using PmfBot.Storage.Results;
using PmfBot.Testing.Figures;

namespace PmfBot.Tests.Updates;

/// <summary>
/// Every row of figures.txt through the real host, on a measure of each unit that Priya owes
/// October's figure for: pressed on the card (as the Playground sends it, a string; and as Teams
/// sends a number box, a JSON number where the row is one) and typed in the chat after the
/// measure's reference. An accepted figure is stored exactly; a refused one gets the reason and
/// leaves the measure's partition empty: no figure, no audit entry.
/// </summary>
public class FigureTableHostTests : UpdateCycleHost
{
    private static readonly ReportingPeriod October = ReportingPeriod.Parse("FY2026-M07");

    private static readonly Dictionary<string, string> Letters =
        new() { ["%"] = "P", ["days"] = "D", ["visits"] = "V", ["£"] = "M", ["ratio"] = "R" };

    private ResultStore Results => new(Storage.Tables);

    [Fact]
    public async Task Refusals_OnTheCard_SayWhy_AndStoreNothing()
    {
        await AddMeasuresAsync(FigureRow.Units.Keys.Select(u => (Refusing(u), u)));
        var failures = new List<string>();
        foreach (var row in FigureTable.Rows.Where(r => r.Value is null))
        {
            foreach (var (how, data) in CardPresses(Refusing(row.Unit), row))
            {
                var answer = await PressRawAsync(data);
                var card = AllText(answer.GetProperty("value"));
                if (!card.Contains(row.Refusal!, StringComparison.Ordinal))
                {
                    failures.Add($"{row} {how}: got «{Shorten(card)}»");
                }
            }
        }

        await AssertNothingStoredAsync(failures);
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Refusals_Typed_SayWhy_AndStoreNothing()
    {
        await AddMeasuresAsync(FigureRow.Units.Keys.Select(u => (Refusing(u), u)));
        var failures = new List<string>();
        foreach (var (row, i) in FigureTable.Rows.Where(r => r.Value is null).Select((r, i) => (r, i)))
        {
            // A chat each: one chat's replies would soon be held to Teams' 60 in 30 seconds.
            var chat = $"chat-{i}";
            await PostAsync(Personal("message", Typed(Refusing(row.Unit), row), conversation: chat));
            var answer = string.Join("\n", PostedTexts(chat));
            var reference = MeasureReference.Parse(Refusing(row.Unit));
            var taken = Domain.Values.TypedAnswer.Parse(Typed(reference.Value, row), [reference]) is not null;
            if (!answer.Contains(taken ? row.Refusal! : "don't understand", StringComparison.Ordinal))
            {
                failures.Add($"{row} typed: got «{Shorten(answer)}»");
            }
        }

        await AssertNothingStoredAsync(failures);
        Assert.Empty(failures);
    }

    [Fact]
    public async Task AcceptedFigures_OnTheCardAndTyped_AreStoredExactly()
    {
        var accepted = FigureTable.Rows.Where(r => r.Value is not null).ToList();
        await AddMeasuresAsync(accepted.SelectMany((r, i) =>
            new[] { (Accepting(r, i, "C"), r.Unit), (Accepting(r, i, "T"), r.Unit) }));
        var failures = new List<string>();
        for (var i = 0; i < accepted.Count; i++)
        {
            var row = accepted[i];
            await PressRawAsync(CardPresses(Accepting(row, i, "C"), row).First().Data);
            await PostAsync(Personal("message", Typed(Accepting(row, i, "T"), row), conversation: $"chat-{i}"));
            foreach (var path in new[] { "C", "T" })
            {
                var stored = await Results.GetAsync(MeasureReference.Parse(Accepting(row, i, path)), October, default);
                if (stored?.Value != row.Value)
                {
                    var how = path == "C" ? "card" : "typed";
                    failures.Add($"{row} {how}: stored {stored?.Value.ToString() ?? "nothing"}");
                }
            }
        }

        Assert.Empty(failures);
    }

    private static string Refusing(string unit) => $"Z{Letters[unit]} 01";

    private static string Accepting(FigureRow row, int index, string path) =>
        $"Z{Letters[row.Unit]}{path} {index + 100}";

    /// <summary>The row's figure typed after a measure's reference, with commentary and an action note.</summary>
    private static string Typed(string reference, FigureRow row) =>
        $"{reference}: {row.Typed} — the contractor's report was late; action: chase it";

    /// <summary>
    /// The card's data as JSON: the value as a string (the Playground), and as a raw number when the
    /// row is a JSON number (Teams' Input.Number).
    /// </summary>
    private static IEnumerable<(string How, string Data)> CardPresses(string measure, FigureRow row)
    {
        var data = new
        {
            verb = "submitUpdate", measure, period = October.Code,
            commentary = "The contractor's report was late.", actionNote = "Chase it.",
        };
        var json = JsonSerializer.Serialize(data);
        var asText = JsonSerializer.Serialize(row.Typed);
        yield return ("card (string)", json.Insert(json.Length - 1, $",\"value\":{asText}"));
        if (IsJsonNumber(row.Typed))
        {
            yield return ("card (number)", json.Insert(json.Length - 1, $",\"value\":{row.Typed}"));
        }
    }

    private static bool IsJsonNumber(string text)
    {
        try
        {
            return JsonDocument.Parse(text).RootElement.ValueKind == JsonValueKind.Number;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Presses Submit with the card data exactly as given (a raw JSON number stays one).</summary>
    private async Task<JsonElement> PressRawAsync(string data)
    {
        var press = new { action = new { type = "Action.Execute", verb = "submitUpdate", data = "DATA" } };
        var activity = JsonSerializer.Serialize(Personal("invoke", name: "adaptiveCard/action", value: press));
        var response = await PostJsonAsync(activity.Replace("\"DATA\"", data, StringComparison.Ordinal));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task AssertNothingStoredAsync(List<string> failures)
    {
        foreach (var unit in FigureRow.Units.Keys)
        {
            var reference = MeasureReference.Parse(Refusing(unit));
            var history = await Results.GetHistoryAsync(reference, default);
            var audit = await Results.GetAuditTrailAsync(reference, October, default);
            if (history.Count > 0 || audit.Count > 0)
            {
                failures.Add($"{reference}: something was stored");
            }
        }
    }

    /// <summary>
    /// Monthly measures Priya owns, reported from October 2026 (so October is the one update open), without a target.
    /// </summary>
    private async Task AddMeasuresAsync(IEnumerable<(string Reference, string Unit)> measures)
    {
        var editor = await App.Services.GetRequiredService<CatalogueStore>().OpenAsync(default);
        foreach (var chunk in measures.Chunk(CatalogueEditor.MaxChange))
        {
            var change = new CatalogueChange
            {
                Measures = [.. chunk.Select(m => new Measure
                {
                    Reference = MeasureReference.Parse(m.Reference),
                    Title = $"A measure counted in {m.Unit}",
                    ServiceCode = CatalogueCode.FromName("Customer Services"),
                    Unit = FigureRow.Units[m.Unit].Unit,
                    Decimals = FigureRow.Units[m.Unit].Decimals,
                    Polarity = Polarity.HigherIsBetter,
                    Frequency = Frequency.Monthly,
                    Owner = DemoPeople.PriyaShah.Id,
                    EscalationOwner = DemoPeople.PriyaShah.Id,
                    ActiveFrom = new DateOnly(2026, 10, 1),
                })],
            };
            Assert.Equal(CatalogueWriteOutcome.Written, await editor.TryWriteAsync(change, default));
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
