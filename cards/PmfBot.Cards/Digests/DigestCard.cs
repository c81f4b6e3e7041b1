using PmfBot.Cards.Charts;
using PmfBot.Cards.Model;

namespace PmfBot.Cards.Digests;

/// <summary>
/// One line of a digest section: "CS 02 Calls answered within 5 minutes", "61.5% for Oct 2026", "Red".
/// </summary>
/// <param name="Note">The commentary and action note, for reds.</param>
public sealed record DigestItem(string Title, string? Detail = null, string? Status = null, string? Note = null);

/// <summary>A section ("Now Red", "Overdue updates"): its lines, and how many more there were than shown.</summary>
public sealed record DigestSection(string Heading, IReadOnlyList<DigestItem> Items, int More = 0);

/// <summary>How many measures stand where, how many a week ago, and the change in words ("+2").</summary>
public sealed record DigestCount(string Standing, int Count, int WeekAgo, string? Change);

/// <param name="Title">"Weekly digest: Waste".</param>
/// <param name="Week">"Week to Monday 23 November 2026, 09:00".</param>
/// <param name="Late">Set when posted well after its time: says so, and what it covers.</param>
/// <param name="Quiet">Set for a week where nothing happened: the digest is this one line.</param>
/// <param name="ScorecardScope">The scope key "Full scorecard" asks for.</param>
/// <param name="Mentions">People @mentioned in the lines (owners of overdue updates, when the council wants
/// that).</param>
public sealed record DigestView(
    string Title,
    string Week,
    string? Late,
    string? Quiet,
    IReadOnlyList<DigestCount> Counts,
    IReadOnlyList<DigestSection> Sections,
    string ScorecardScope,
    IReadOnlyList<CardMention>? Mentions = null
);

/// <summary>The weekly digest a management channel gets: the week in a glance, then what needs attention.</summary>
/// <remarks>Each section shows a bounded number of lines, so the whole council's digest stays far below Teams' message
/// size.</remarks>
public static class DigestCard
{
    public static AdaptiveCard Build(DigestView view)
    {
        var body = new List<CardElement>
        {
            new TextBlock(CardText.Plain(view.Title))
            {
                Size = "Medium",
                Weight = "Bolder",
                Style = "heading",
            },
            new TextBlock(CardText.Plain(view.Week))
            {
                IsSubtle = true,
                Spacing = "None",
                Size = "Small",
            },
        };
        if (view.Late is not null)
        {
            body.Add(new TextBlock(CardText.Plain(view.Late)) { Color = "Warning", Size = "Small" });
        }

        if (view.Quiet is not null)
        {
            body.Add(new TextBlock(CardText.Plain(view.Quiet)));
        }
        else
        {
            body.Add(
                new ColumnSet([
                    .. view.Counts.Select(c => new Column([
                        new TextBlock(c.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))
                        {
                            Size = "Large",
                            Weight = "Bolder",
                            Color = CardText.ColorOf(c.Standing),
                            HorizontalAlignment = "Center",
                        },
                        new TextBlock(c.Change is null ? c.Standing : $"{c.Standing} ({c.Change})")
                        {
                            Size = "Small",
                            Spacing = "None",
                            HorizontalAlignment = "Center",
                        },
                    ])
                    {
                        Width = "stretch",
                    }),
                ])
                {
                    Separator = true,
                }
            );
            // What moved since last week when anything did; else where the measures stand.
            var now = view.Counts.Select(c => new StatusCount(c.Standing, c.Count)).ToList();
            body.Add(
                view.Counts.Any(c => c.Count != c.WeekAgo)
                    ? StatusCharts.SinceLastWeek(
                        "Measures by status: a week ago and now",
                        [.. view.Counts.Select(c => new StatusCount(c.Standing, c.WeekAgo))],
                        now
                    )
                    : StatusCharts.ByService("Measures by status", [new StatusBar("Now", now)])
            );

            foreach (var section in view.Sections)
            {
                body.Add(
                    new TextBlock(CardText.Plain(section.Heading))
                    {
                        Weight = "Bolder",
                        Separator = true,
                        Spacing = "Medium",
                    }
                );
                foreach (var item in section.Items)
                {
                    body.Add(Line(item, view.Mentions));
                }

                if (section.More > 0)
                {
                    body.Add(
                        new TextBlock($"…and {section.More} more: see the full scorecard.")
                        {
                            IsSubtle = true,
                            Size = "Small",
                            Spacing = "Small",
                        }
                    );
                }
            }
        }

        // Action.Submit, not Execute: the scorecard comes as a reply in the digest's thread instead of replacing the
        // digest.
        var data = System.Text.Json.JsonSerializer.SerializeToElement(
            new Dictionary<string, string>
            {
                ["verb"] = Verbs.ShowScorecard,
                [Payloads.ScopeData.ScopeKey] = view.ScorecardScope,
            }
        );
        return new AdaptiveCard
        {
            Body = body,
            Actions = [new ActionSubmit("Full scorecard", data)],
            Teams = new TeamsCardOptions("Full")
            {
                Entities = view.Mentions is { Count: > 0 } mentions ? mentions : null,
            },
        };
    }

    private static Container Line(DigestItem item, IReadOnlyList<CardMention>? mentions)
    {
        var items = new List<CardElement>
        {
            new ColumnSet([
                new Column([new TextBlock(CardText.Plain(item.Title))]) { Width = "stretch" },
                new Column([
                    new TextBlock(item.Status is null ? " " : CardText.Plain(item.Status))
                    {
                        Weight = "Bolder",
                        Color = CardText.ColorOf(item.Status),
                    },
                ])
                {
                    Width = "auto",
                },
            ]),
        };
        if (item.Detail is not null)
        {
            items.Add(
                new TextBlock(CardText.Plain(item.Detail, mentions))
                {
                    Size = "Small",
                    Spacing = "None",
                    IsSubtle = true,
                }
            );
        }

        // A line each (commentary, action): a TextBlock runs single line breaks together.
        foreach (var line in item.Note?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [])
        {
            items.Add(new TextBlock(CardText.Plain(line)) { Size = "Small", Spacing = "None" });
        }

        return new Container(items) { Spacing = "Small" };
    }
}
