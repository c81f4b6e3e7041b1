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

    [Fact]
    public void AnActivitysSubmitButton_CarriesTheActivityAndQuarter()
    {
        var data = new PlanActivityPeriodData("foi-audit-actions", "FY2026-Q2").ToData();
        var view = new PlanActivities.PlanActivityPromptView(
            "Act on the FOI audit", "Information Governance", "Q2 2026/27", "Your Q2 report is due", "10 Oct 2026",
            IsOverdue: false, "31 Mar 2027", [], LastReport: null, [("On track", "OnTrack")], data);
        var card = new AdaptiveCardJson(PlanActivities.PlanActivityPromptCard.Build(view));

        var pressed = Pressed(card, Verbs.SubmitPlanActivity, new Dictionary<string, string>());
        var read = PlanActivityPeriodData.Read(pressed);

        Assert.Equal(new PlanActivityPeriodData("foi-audit-actions", "FY2026-Q2"), read);
    }

    /// <summary>Every button payload reads back what it wrote, whatever else Teams merges in beside it.</summary>
    [Fact]
    public void EachPayload_ReadsBackWhatItWrote()
    {
        static Func<string, string?> Fields(IReadOnlyDictionary<string, string> data) =>
            name => name == "someInput" ? "typed" : data.GetValueOrDefault(name);

        var scope = new ScopeData("service:CS");
        var subscribe = new SubscribeData("department:RES", "Monday", "09:00");
        var extension = new ExtensionData("CS 02", "FY2026-M07", "x-2b7f");
        var activity = new PlanActivityPeriodData("foi-audit-actions", "FY2026-Q2");

        Assert.Equal(scope, ScopeData.Read(Fields(scope.ToData())));
        Assert.Equal(subscribe, SubscribeData.Read(Fields(subscribe.ToData())));
        Assert.Equal(extension, ExtensionData.Read(Fields(extension.ToData())));
        Assert.Equal(activity, PlanActivityPeriodData.Read(Fields(activity.ToData())));
        Assert.Equal(("CS 02", "FY2026-M07"), MeasurePeriodData.Read(Fields(extension.ToData())));
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
