using PmfBot.Cards.Model;

namespace PmfBot.Cards.Updates;

/// <summary>One open update: "CS 02 Calls answered within 5 minutes · Oct 2026 · due by 10 Nov 2026".</summary>
/// <param name="Data">What the "Update now" button carries: the measure and period, or for a typed answer also its
/// figure and texts.</param>
/// <param name="Verb">This line's own verb (an activity's report), instead of the list's.</param>
public sealed record DueLine(
    string Reference,
    string Title,
    string Period,
    string Due,
    bool IsOverdue,
    IReadOnlyDictionary<string, string> Data,
    string? Verb = null
);

/// <param name="Heading">"What's due (3)" or "Which measure is 42.5 for?".</param>
/// <param name="ButtonTitle">"Update now" or "It's this one".</param>
/// <param name="Verb">What pressing a line does: open its prompt card, or submit a typed answer for it.</param>
public sealed record DueListView(
    string Heading,
    string? Intro,
    IReadOnlyList<DueLine> Lines,
    string ButtonTitle,
    string Verb
);

/// <summary>
/// A person's open updates with their deadlines, each with a button: "what's due", and "which measure is this for?".
/// </summary>
public static class WhatsDueCard
{
    public static AdaptiveCard Build(DueListView view)
    {
        var body = new List<CardElement>
        {
            new TextBlock(CardText.Plain(view.Heading))
            {
                Size = "Medium",
                Weight = "Bolder",
                Style = "heading",
            },
        };
        if (view.Intro is not null)
        {
            body.Add(new TextBlock(CardText.Plain(view.Intro)));
        }

        foreach (var line in view.Lines)
        {
            body.Add(
                new Container([
                    new TextBlock($"**{CardText.Plain(line.Reference)}** {CardText.Plain(line.Title)}"),
                    new TextBlock(CardText.Plain($"{line.Period} · {line.Due}"))
                    {
                        Spacing = "None",
                        Size = "Small",
                        Color = line.IsOverdue ? "Attention" : null,
                    },
                    new ActionSet([
                        ActionExecute.WithSubmitFallback(view.ButtonTitle, line.Verb ?? view.Verb, line.Data),
                    ])
                    {
                        Spacing = "Small",
                    },
                ])
                {
                    Separator = true,
                    Spacing = "Medium",
                }
            );
        }

        return new AdaptiveCard { Body = body };
    }
}
