using PmfBot.Cards.Model;

namespace PmfBot.Cards.Questions;

/// <summary>One measure in an answer.</summary>
/// <param name="Title">"WM 03 Missed bins per 100,000 collections".</param>
/// <param name="Detail">"96 for Nov 2026: Red, worse than Oct 2026 (85) · Waste".</param>
/// <param name="Status">Colours the line: "Red", "Amber", "Green", or null.</param>
/// <param name="Quote">What was said, for a search of commentary: "…two crews off sick…".</param>
public sealed record AnswerLine(string Title, string Detail, string? Status = null, string? Quote = null);

/// <param name="Title">"Worse this quarter (Oct to Dec 2026): Housing".</param>
/// <param name="Summary">"3 of 4 measures with a figure this quarter got worse.", or why there are none.</param>
/// <param name="Lines">The first few (ten at most), most pressing first.</param>
/// <param name="More">How many more there are beyond the lines.</param>
/// <param name="Link">Where to see them all: the Performance tab, or the report.</param>
public sealed record AnswerListView(
    string Title,
    string Summary,
    IReadOnlyList<AnswerLine> Lines,
    int More,
    (string Title, Uri Url)? Link
);

/// <summary>A short answer that is a list: the first ten, "and 23 more", and a link to all of them.</summary>
public static class AnswerListCard
{
    /// <summary>Lines a list answer shows; the rest are counted and linked.</summary>
    public const int MaxLines = 10;

    public static AdaptiveCard Build(AnswerListView view)
    {
        var body = new List<CardElement>
        {
            new TextBlock(CardText.Plain(view.Title))
            {
                Size = "Medium",
                Weight = "Bolder",
                Style = "heading",
            },
            new TextBlock(CardText.Plain(view.Summary)) { Spacing = "Small" },
        };
        foreach (var line in view.Lines)
        {
            var items = new List<CardElement>
            {
                new TextBlock(CardText.Plain(line.Title)) { Weight = "Bolder" },
                new TextBlock(CardText.Plain(line.Detail))
                {
                    Spacing = "None",
                    Size = "Small",
                    Color = CardText.ColorOf(line.Status),
                },
            };
            if (line.Quote is { } quote)
            {
                items.Add(
                    new TextBlock(CardText.Plain($"“{quote}”"))
                    {
                        Spacing = "None",
                        Size = "Small",
                        IsSubtle = true,
                    }
                );
            }

            body.Add(new Container(items) { Separator = true });
        }

        if (view.More > 0)
        {
            body.Add(
                new TextBlock($"and {view.More} more{(view.Link is null ? "." : ": see them all below.")}")
                {
                    IsSubtle = true,
                    Spacing = "Medium",
                }
            );
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = view.Link is { } link ? [new ActionOpenUrl(link.Title, link.Url)] : [],
        };
    }
}
