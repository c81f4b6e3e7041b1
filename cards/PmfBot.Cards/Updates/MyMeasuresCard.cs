using PmfBot.Cards.Model;

namespace PmfBot.Cards.Updates;

/// <summary>One measure on "my measures".</summary>
/// <param name="Latest">"73.7% for Sep 2026", or null when nothing is recorded yet.</param>
/// <param name="Status">"Green", "Amber", "Red", or a no-target status in words.</param>
/// <param name="Direction">"worse than Aug 2026 (75.1%)".</param>
/// <param name="Next">"Oct 2026 due by 10 Nov 2026 — overdue".</param>
public sealed record MeasureLine(
    string Reference,
    string Title,
    string? Latest,
    string? Status,
    string? Direction,
    string? Next,
    bool NextIsOverdue
);

public sealed record MyMeasuresView(string PersonName, IReadOnlyList<MeasureLine> Measures);

/// <summary>The measures a person updates, with their latest status and what is due next.</summary>
public static class MyMeasuresCard
{
    public static AdaptiveCard Build(MyMeasuresView view)
    {
        var body = new List<CardElement>
        {
            new TextBlock(
                view.Measures.Count == 0 ? "You don't update any measures" : $"Your measures ({view.Measures.Count})"
            )
            {
                Size = "Medium",
                Weight = "Bolder",
                Style = "heading",
            },
        };

        if (view.Measures.Count == 0)
        {
            body.Add(
                new TextBlock(
                    "If you should, ask the performance team to add you as an owner or delegate in the catalogue."
                )
            );
        }

        foreach (var line in view.Measures)
        {
            var items = new List<CardElement>
            {
                new TextBlock($"**{CardText.Plain(line.Reference)}** {CardText.Plain(line.Title)}"),
                new ColumnSet([
                    new Column([
                        new TextBlock(line.Latest is null ? "No figure recorded yet" : CardText.Plain(line.Latest))
                        {
                            Spacing = "None",
                        },
                    ])
                    {
                        Width = "stretch",
                    },
                    new Column([
                        new TextBlock(line.Status ?? "—")
                        {
                            Weight = "Bolder",
                            Color = CardText.ColorOf(line.Status),
                            Spacing = "None",
                        },
                    ])
                    {
                        Width = "auto",
                    },
                ])
                {
                    Spacing = "Small",
                },
            };
            if (line.Direction is not null)
            {
                items.Add(
                    new TextBlock(CardText.Plain(line.Direction))
                    {
                        IsSubtle = true,
                        Spacing = "None",
                        Size = "Small",
                    }
                );
            }

            if (line.Next is not null)
            {
                items.Add(
                    new TextBlock(CardText.Plain(line.Next))
                    {
                        Spacing = "None",
                        Size = "Small",
                        Color = line.NextIsOverdue ? "Attention" : null,
                    }
                );
            }

            body.Add(new Container(items) { Separator = true, Spacing = "Medium" });
        }

        return new AdaptiveCard { Body = body };
    }
}
