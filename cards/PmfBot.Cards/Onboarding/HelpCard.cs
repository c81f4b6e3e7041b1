using PmfBot.Cards.Model;

namespace PmfBot.Cards.Onboarding;

/// <summary>What PmfBot understands, in the words to type.</summary>
public static class HelpCard
{
    public static AdaptiveCard Build(bool isChannel)
    {
        List<CardElement> body =
        [
            new TextBlock("What you can ask me")
            {
                Size = "Medium",
                Weight = "Bolder",
                Style = "heading",
            },
            new FactSet(
                isChannel
                    ?
                    [
                        new Fact(
                            "subscribe Waste Mondays 9:00",
                            "A weekly digest for a service, a department (\"subscribe Place department\") or the whole "
                                + "council (\"subscribe\"), posted here as a new thread. Monday 09:00 unless you say."
                        ),
                        new Fact(
                            "subscriptions",
                            "This channel's digests. \"unsubscribe Waste\" stops one, \"unsubscribe\" all."
                        ),
                        new Fact(
                            "how is Planning doing?",
                            "A scorecard: each measure's latest figure, target, status, direction of travel and trend."
                        ),
                        new Fact("help", "This list."),
                    ]
                    :
                    [
                        new Fact("what's due", "Your open updates and their deadlines, each a tap from its card."),
                        new Fact(
                            "42.5 — commentary; action: …",
                            "Record a figure by typing it (start with the measure, e.g. CS 02: 73.7, when several are "
                                + "open)."
                        ),
                        new Fact(
                            "change CS 02 to 74.1 because …",
                            "Correct a figure while its period is open; the earlier one stays on record."
                        ),
                        new Fact(
                            "I need until Friday for CS 02 because …",
                            "Ask for a later deadline; the deadline moves only if it is approved."
                        ),
                        new Fact(
                            "delegate CS 02 to Fiona Grant until 30 Nov",
                            "While you're away, a colleague gets the prompts and can enter figures; you see each one. "
                                + "\"stop delegating\" ends it."
                        ),
                        new Fact("snooze until Monday", "Hold reminders until then (never past a deadline)."),
                        new Fact(
                            "my measures",
                            "The measures you update, with their latest status and what is due next."
                        ),
                        new Fact(
                            "how is my service doing?",
                            "Your service's scorecard; or name one: \"how is Planning doing\", \"how is the Place "
                                + "department doing\", \"show NI 192\"."
                        ),
                        new Fact(
                            "export Q2 2026/27 for Waste",
                            "A period's results as a spreadsheet for Cabinet or Scrutiny, for a service, a department "
                                + "or (without \"for …\") the whole council."
                        ),
                        new Fact(
                            "escalate NI 192 because …",
                            "Send one of your measures to its escalation owner for a decision (a Red figure goes on "
                                + "its own)."
                        ),
                        new Fact(
                            "my escalations",
                            "Escalations waiting for your decision, or raised on your measures. \"escalation history "
                                + "for NI 192\" shows a measure's past ones."
                        ),
                        new Fact(
                            "not installed",
                            "For the performance team: who has updates due but hasn't opened PmfBot yet."
                        ),
                        new Fact("help", "This list."),
                    ]
            ),
            new TextBlock(
                isChannel
                    ? "In a channel, mention me first: @PmfBot help."
                    : "Type a word or two; I'll say if I don't follow."
            )
            {
                IsSubtle = true,
                Spacing = "Medium",
            },
        ];
        if (!isChannel)
        {
            body.Add(
                new ActionSet([
                    ActionExecute.WithSubmitFallback("What's due", Verbs.WhatsDue),
                    ActionExecute.WithSubmitFallback("Show my measures", Verbs.MyMeasures),
                ])
            );
        }

        return new AdaptiveCard { Body = body };
    }
}
