using PmfBot.Cards.Charts;
using PmfBot.Cards.Model;

namespace PmfBot.Cards.Updates;

/// <summary>A recorded figure, as the prompt card becomes once answered.</summary>
/// <param name="Value">"73.7%".</param>
/// <param name="Status">"Green", "Amber", "Red", or a no-target status in words ("Worsening").</param>
/// <param name="Direction">"better than Sep 2026 (72.9%)".</param>
/// <param name="RecordedWhen">"10:42 on 20 Nov 2026".</param>
/// <param name="Next">What happens next, in a sentence or two.</param>
/// <param name="Notice">Shown first when nothing new was stored: "This was already recorded at 10:42 by Priya
/// Shah."</param>
public sealed record UpdateRecordedView(
    string Reference,
    string Title,
    string Period,
    string Value,
    string? Status,
    string? Target,
    string Direction,
    string? VsLastYear,
    string? Commentary,
    string? ActionNote,
    string RecordedBy,
    string RecordedWhen,
    string Next,
    string? Notice = null
)
{
    /// <summary>The measure's recent figures up to this one, against its target.</summary>
    public TrendView? Trend { get; init; }
}

/// <summary>
/// The prompt, answered: the recorded figure, its status and direction of travel, and what happens next.
/// </summary>
public static class UpdateRecordedCard
{
    public static AdaptiveCard Build(UpdateRecordedView view)
    {
        var body = new List<CardElement>();
        if (view.Notice is not null)
        {
            body.Add(
                new Container([new TextBlock(CardText.Plain(view.Notice)) { Weight = "Bolder" }]) { Style = "accent" }
            );
        }

        body.Add(
            new TextBlock($"Recorded: {CardText.Plain(view.Value)} for {CardText.Plain(view.Period)}")
            {
                Size = "Medium",
                Weight = "Bolder",
                Style = "heading",
            }
        );
        body.Add(
            new TextBlock($"**{CardText.Plain(view.Reference)}** {CardText.Plain(view.Title)}") { Spacing = "Small" }
        );
        body.Add(
            new ColumnSet([
                new Column([new TextBlock("Status") { IsSubtle = true }]) { Width = "auto" },
                new Column([
                    new TextBlock(CardText.Plain(view.Status ?? "No target"))
                    {
                        Weight = "Bolder",
                        Color = CardText.ColorOf(view.Status),
                    },
                ])
                {
                    Width = "stretch",
                },
            ])
        );

        var facts = new List<Fact>();
        if (view.Target is not null)
        {
            facts.Add(new("Target", CardText.Plain(view.Target)));
        }

        facts.Add(new("Direction of travel", CardText.Plain(view.Direction)));
        if (view.VsLastYear is not null)
        {
            facts.Add(new("Against last year", CardText.Plain(view.VsLastYear)));
        }

        facts.Add(new("Commentary", view.Commentary is null ? "—" : CardText.Plain(view.Commentary)));
        if (view.ActionNote is not null)
        {
            facts.Add(new("Action note", CardText.Plain(view.ActionNote)));
        }

        facts.Add(new("Recorded by", CardText.Plain($"{view.RecordedBy} at {view.RecordedWhen}")));
        body.Add(new FactSet(facts));
        if (view.Trend is not null)
        {
            body.Add(TrendChart.Build(view.Trend));
        }

        body.Add(new TextBlock(CardText.Plain(view.Next)) { Separator = true, Spacing = "Medium" });
        return new AdaptiveCard { Body = body };
    }
}
