using PmfBot.Cards.Model;

namespace PmfBot.Cards.Escalations;

/// <summary>
/// One escalation in a list: "CS 02 Oct 2026", "Open: waiting 3 days for Priya Shah", a line of what happened.
/// </summary>
public sealed record EscalationLine(
    string Reference,
    string Period,
    string State,
    string Summary,
    bool Settled,
    IReadOnlyDictionary<string, string> OpenData
);

/// <summary>
/// "my escalations" and "escalation history for NI 192": each escalation a line, one press from its card.
/// </summary>
public sealed record EscalationListView(string Headline, string Intro, IReadOnlyList<EscalationLine> Lines);

public static class EscalationListCard
{
    public static AdaptiveCard Build(EscalationListView view)
    {
        var body = new List<CardElement>
        {
            new TextBlock(CardText.Plain(view.Headline))
            {
                Size = "Medium",
                Weight = "Bolder",
                Style = "heading",
            },
            new TextBlock(CardText.Plain(view.Intro)) { IsSubtle = true, Spacing = "Small" },
        };
        foreach (var line in view.Lines)
        {
            body.Add(
                new Container([
                    new TextBlock($"**{CardText.Plain(line.Reference)}** {CardText.Plain(line.Period)}"),
                    new TextBlock(CardText.Plain(line.State))
                    {
                        Color = line.Settled ? "Good" : "Attention",
                        Weight = "Bolder",
                        Spacing = "None",
                    },
                    new TextBlock(CardText.Plain(line.Summary)) { Spacing = "None", IsSubtle = true },
                    new ActionSet([ActionExecute.WithSubmitFallback("Show", Verbs.OpenEscalation, line.OpenData)]),
                ])
                {
                    Separator = true,
                }
            );
        }

        return new AdaptiveCard { Body = body };
    }
}
