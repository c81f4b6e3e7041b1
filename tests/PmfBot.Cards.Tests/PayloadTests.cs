using System.Text.Json;
using PmfBot.Cards.Payloads;
using PmfBot.Cards.Updates;

namespace PmfBot.Cards.Tests;

/// <summary>
/// A card's button data, as the card builder writes it and the handler reads it back: through the
/// card's JSON and the inputs Teams merges in on a press, the payload arrives whole.
/// </summary>
public class PayloadTests
{
    private static UpdatePromptView Prompt(IReadOnlyDictionary<string, string> data) => new(
        "CS 02",
        "Calls answered within 5 minutes",
        "Oct 2026",
        "Your Oct 2026 update is due",
        "Tuesday 10 November 2026",
        IsOverdue: false, Target: null, Recent: [], Direction: null, PreviousCommentary: null, "Oct 2026 figure (%)",
        Min: 0, Max: 100, CommentaryRequired: true, ActionNoteRule: null, data);

    /// <summary>
    /// What Teams sends on Action.Execute: the action's data with every input's value added by its id.
    /// </summary>
    private static Func<string, string?> Pressed(
        AdaptiveCardJson card, string verb, IReadOnlyDictionary<string, string> inputs)
    {
        var action = card.Actions().Single(a => a.GetProperty("verb").GetString() == verb);
        var fields = action.GetProperty("data").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        foreach (var (id, value) in inputs)
        {
            fields[id] = value;
        }

        return name => fields.GetValueOrDefault(name);
    }

    [Fact]
    public void TheSubmitButton_CarriesTheMeasureAndPeriod_AndTheInputsArriveBesideThem()
    {
        var data = new MeasurePeriodData("CS 02", "FY2026-M07").ToData();
        var card = new AdaptiveCardJson(UpdatePromptCard.Build(Prompt(data)));

        var read = SubmitUpdateData.Read(Pressed(card, Verbs.SubmitUpdate, new Dictionary<string, string>
        {
            [UpdatePromptCard.ValueInput] = "73.7",
            [UpdatePromptCard.CommentaryInput] = "Two advisers off sick.",
            [UpdatePromptCard.ActionNoteInput] = "Agency cover from Monday.",
        }));

        Assert.Equal(
            new SubmitUpdateData("CS 02", "FY2026-M07", "73.7", "Two advisers off sick.", "Agency cover from Monday."), read);
    }

    [Fact]
    public void AnEntryAlreadyTyped_RoundTripsThroughItsButton()
    {
        var typed = new SubmitUpdateData("IG 01", "FY2026-M07", "82.4", "Complex requests piled up.", null);
        var card = new AdaptiveCardJson(WhatsDueCard.Build(new DueListView(
            "Which measure is 82.4 for?",
            "Pick one.",
            [new DueLine("IG 01", "FOI requests", "Oct 2026", "due by 10 Nov 2026", false, typed.ToData())],
            "Record 82.4 here", Verbs.SubmitUpdate)));

        var read = SubmitUpdateData.Read(Pressed(card, Verbs.SubmitUpdate, new Dictionary<string, string>()));

        Assert.Equal(typed with { ActionNote = string.Empty }, read);
        var pressed = Pressed(card, Verbs.SubmitUpdate, new Dictionary<string, string>());
        Assert.Equal(("IG 01", "FY2026-M07"), MeasurePeriodData.Read(pressed));
    }

    /// <summary>A card as Teams receives it: its JSON, with every Action.Execute found wherever it sits.</summary>
    private sealed class AdaptiveCardJson(Model.AdaptiveCard card)
    {
        private readonly JsonElement _root = JsonDocument.Parse(CardJson.ToJson(card)).RootElement;

        public IEnumerable<JsonElement> Actions() => Find(_root);

        private static IEnumerable<JsonElement> Find(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                if (element.TryGetProperty("type", out var type) && type.GetString() == "Action.Execute")
                {
                    yield return element;
                }

                foreach (var property in element.EnumerateObject())
                {
                    foreach (var found in Find(property.Value))
                    {
                        yield return found;
                    }
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var found in Find(item))
                    {
                        yield return found;
                    }
                }
            }
        }
    }
}
