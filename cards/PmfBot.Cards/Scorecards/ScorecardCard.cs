using PmfBot.Cards.Charts;
using PmfBot.Cards.Model;

namespace PmfBot.Cards.Scorecards;

/// <summary>One measure on a scorecard.</summary>
/// <param name="Latest">"61.5% for Oct 2026", or null when nothing is recorded yet.</param>
/// <param name="Target">"target 80.0% or more", "no target".</param>
/// <param name="Status">"Green", "Amber", "Red", "No target".</param>
/// <param name="Direction">"↘ worse than Sep 2026 (81.0%)".</param>
/// <param name="Trend">"▆▇█▅▁ worsening over 5 months".</param>
/// <param name="Escalation">"Escalated to Priya Shah: waiting for a decision".</param>
public sealed record ScorecardItem(
    string Reference,
    string Title,
    string? Latest,
    string Target,
    string Status,
    string? Direction,
    string? Trend,
    string? Escalation
);

/// <summary>An activity needing attention: off track or late, with its latest commentary.</summary>
/// <param name="Detail">"Milestone "Data migration tested" missed (due 30 Sep 2026) · Fiona Grant".</param>
/// <param name="Notes">Its latest report's commentary and action note.</param>
public sealed record ScorecardActivity(string Title, string Status, string Detail, string? Notes);

/// <summary>The scope's activities and milestones, under its measures.</summary>
/// <param name="Summary">"4 activities: 1 on track, 1 at risk, 1 off track, 1 completed".</param>
public sealed record ScorecardActivities(string Summary, IReadOnlyList<ScorecardActivity> NeedingAttention);

/// <summary>A service's measures (a heading, when the scorecard covers more than one service).</summary>
public sealed record ScorecardGroup(string? Heading, IReadOnlyList<ScorecardItem> Items);

/// <param name="Title">"Customer Services scorecard".</param>
/// <param name="Summary">"As at 23 November 2026 · 2 measures: 1 Green, 1 Red".</param>
/// <param name="More">Measures left off to keep the card readable; the note says how to see them.</param>
/// <param name="MoreHint">"Ask for one service, e.g. how is Waste doing".</param>
public sealed record ScorecardView(
    string Title,
    string Summary,
    IReadOnlyList<ScorecardGroup> Groups,
    int More = 0,
    string? MoreHint = null
)
{
    /// <summary>Every measure in scope by status: a bar per service (a donut for one), under the summary.</summary>
    public IReadOnlyList<StatusBar> ByStatus { get; init; } = [];

    /// <summary>The scope's activities, when it has any.</summary>
    public ScorecardActivities? Activities { get; init; }
}

/// <summary>
/// "How is my service doing?": each measure's latest figure against target, its direction of travel and trend, and any
/// open escalation.
/// </summary>
public static class ScorecardCard
{
    public static AdaptiveCard Build(ScorecardView view)
    {
        var body = new List<CardElement>
        {
            new TextBlock(CardText.Plain(view.Title))
            {
                Size = "Medium",
                Weight = "Bolder",
                Style = "heading",
            },
            new TextBlock(CardText.Plain(view.Summary))
            {
                IsSubtle = true,
                Spacing = "None",
                Size = "Small",
            },
        };
        if (view.ByStatus.Any(b => b.Counts.Any(c => c.Count > 0)))
        {
            body.Add(StatusCharts.ByService("Measures by status", view.ByStatus));
        }

        if (view.Groups.All(g => g.Items.Count == 0))
        {
            body.Add(new TextBlock("There are no measures here yet."));
        }

        foreach (var group in view.Groups)
        {
            if (group.Heading is not null)
            {
                body.Add(
                    new TextBlock(CardText.Plain(group.Heading))
                    {
                        Weight = "Bolder",
                        Separator = true,
                        Spacing = "Medium",
                    }
                );
            }

            foreach (var item in group.Items)
            {
                body.Add(Item(item));
            }
        }

        if (view.More > 0)
        {
            body.Add(
                new TextBlock($"…and {view.More} more. {CardText.Plain(view.MoreHint ?? string.Empty)}".TrimEnd())
                {
                    IsSubtle = true,
                    Size = "Small",
                    Separator = true,
                }
            );
        }

        if (view.Activities is { } activities)
        {
            body.AddRange(Activities(activities));
        }

        return new AdaptiveCard { Body = body };
    }

    private static IEnumerable<CardElement> Activities(ScorecardActivities activities)
    {
        yield return new TextBlock("Activities and milestones")
        {
            Weight = "Bolder",
            Separator = true,
            Spacing = "Large",
        };
        yield return new TextBlock(CardText.Plain(activities.Summary))
        {
            IsSubtle = true,
            Spacing = "None",
            Size = "Small",
        };
        foreach (var activity in activities.NeedingAttention)
        {
            var lines = new List<CardElement>
            {
                new ColumnSet([
                    new Column([new TextBlock(CardText.Plain(activity.Title)) { Weight = "Bolder" }])
                    {
                        Width = "stretch",
                    },
                    new Column([
                        new TextBlock(CardText.Plain(activity.Status))
                        {
                            Weight = "Bolder",
                            Color = CardText.ColorOf(activity.Status),
                        },
                    ])
                    {
                        Width = "auto",
                    },
                ]),
                new TextBlock(CardText.Plain(activity.Detail)) { Spacing = "None", Size = "Small" },
            };
            if (activity.Notes is not null)
            {
                lines.Add(
                    new TextBlock(CardText.Plain(activity.Notes))
                    {
                        Spacing = "Small",
                        Size = "Small",
                        IsSubtle = true,
                    }
                );
            }

            yield return new Container(lines) { Separator = true, Spacing = "Medium" };
        }
    }

    private static Container Item(ScorecardItem item)
    {
        var lines = new List<CardElement>
        {
            new TextBlock($"**{CardText.Plain(item.Reference)}** {CardText.Plain(item.Title)}"),
            new ColumnSet([
                new Column([
                    new TextBlock(CardText.Plain(item.Latest ?? "No figure recorded yet")) { Spacing = "None" },
                ])
                {
                    Width = "stretch",
                },
                new Column([
                    new TextBlock(CardText.Plain(item.Status))
                    {
                        Weight = "Bolder",
                        Color = CardText.ColorOf(item.Status),
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
            new TextBlock(CardText.Plain(item.Target))
            {
                IsSubtle = true,
                Spacing = "None",
                Size = "Small",
            },
        };
        if (item.Direction is not null)
        {
            lines.Add(new TextBlock(CardText.Plain(item.Direction)) { Spacing = "None", Size = "Small" });
        }

        if (item.Trend is not null)
        {
            lines.Add(
                new TextBlock(CardText.Plain(item.Trend))
                {
                    Spacing = "None",
                    Size = "Small",
                    FontType = "Monospace",
                }
            );
        }

        if (item.Escalation is not null)
        {
            lines.Add(
                new TextBlock(CardText.Plain(item.Escalation))
                {
                    Spacing = "None",
                    Size = "Small",
                    Color = "Attention",
                }
            );
        }

        return new Container(lines) { Separator = true, Spacing = "Medium" };
    }
}
