using PmfBot.Cards.Charts;
using PmfBot.Cards.Model;

namespace PmfBot.Cards.Questions;

/// <param name="Title">"NI 192 Household waste sent for reuse, recycling and composting".</param>
/// <param name="About">"Waste · Sam Taylor (owner) · quarterly".</param>
/// <param name="Latest">"48.2% for Q2 2026/27", or null when nothing is recorded yet.</param>
/// <param name="Status">"Red", "Amber", "Green", "No target", or "No figure yet".</param>
/// <param name="Facts">Target, direction of travel, against last year, escalation, what is due, in words.</param>
/// <param name="Commentary">The latest figure's commentary and action note, as said.</param>
public sealed record MeasureCardView(
    string Title,
    string About,
    string? Latest,
    string Status,
    IReadOnlyList<(string Title, string Value)> Facts,
    string? Commentary,
    string? ActionNote,
    TrendView? Trend
)
{
    /// <summary>The measure on the Performance tab, when there is one to link to.</summary>
    public Uri? TabLink { get; init; }
}

/// <summary>
/// One measure as it stands: its latest figure against target, direction of travel, what was said, and its trend.
/// What "show me NI 192" answers, and what "Find a measure" puts into a conversation.
/// </summary>
public static class MeasureCard
{
    public static AdaptiveCard Build(MeasureCardView view)
    {
        var body = new List<CardElement>
        {
            new TextBlock(CardText.Plain(view.Title))
            {
                Size = "Medium",
                Weight = "Bolder",
                Style = "heading",
            },
            new TextBlock(CardText.Plain(view.About))
            {
                IsSubtle = true,
                Spacing = "None",
                Size = "Small",
            },
            new ColumnSet([
                new Column([
                    new TextBlock(CardText.Plain(view.Latest ?? "No figure recorded yet")) { Weight = "Bolder" },
                ])
                {
                    Width = "stretch",
                },
                new Column([
                    new TextBlock(CardText.Plain(view.Status))
                    {
                        Weight = "Bolder",
                        Color = CardText.ColorOf(view.Status),
                    },
                ])
                {
                    Width = "auto",
                },
            ]),
            new FactSet([
                .. view.Facts.Select(f => new Fact(f.Title, CardText.Plain(f.Value))),
                .. view.Commentary is { } said ? [new Fact("Commentary", CardText.Plain(said))] : Array.Empty<Fact>(),
                .. view.ActionNote is { } note ? [new Fact("Action note", CardText.Plain(note))] : Array.Empty<Fact>(),
            ]),
        };
        if (view.Trend is not null)
        {
            body.Add(TrendChart.Build(view.Trend));
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = view.TabLink is { } link ? [new ActionOpenUrl("Open on the Performance tab", link)] : [],
        };
    }
}
