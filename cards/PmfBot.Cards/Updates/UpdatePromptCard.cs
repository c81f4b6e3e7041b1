using PmfBot.Cards.Charts;
using PmfBot.Cards.Model;

namespace PmfBot.Cards.Updates;

/// <summary>One earlier figure shown on a prompt: "Sep 2026 · 73.7% · Red".</summary>
public sealed record PastFigure(string Period, string Value, string? Status);

/// <summary>What the person entered last time, kept when the card comes back with problems or unsaved.</summary>
/// <param name="Value">The figure, when it could be read as a number (the box holds numbers only).</param>
public sealed record UpdateEntry(decimal? Value, string? Commentary, string? ActionNote);

/// <summary>What was wrong with an entry, next to the input it concerns. Nothing was stored.</summary>
public sealed record UpdateProblems(
    IReadOnlyList<string> Value,
    IReadOnlyList<string> Commentary,
    IReadOnlyList<string> ActionNote
)
{
    public bool Any => Value.Count + Commentary.Count + ActionNote.Count > 0;
}

/// <summary>Everything a prompt card shows, in words.</summary>
/// <param name="Headline">"Your Oct 2026 update is due", "Reminder: due in 3 days", "Overdue by 5 days".</param>
/// <param name="Deadline">"Monday 10 November 2026".</param>
/// <param name="Target">"80.0% (Amber from 76.0%)", or null when the measure has no target.</param>
/// <param name="ValueLabel">"Oct 2026 figure (%)".</param>
/// <param name="ActionNoteRule">When an action note is required, before the figure is known: "Required if below the
/// target (80.0%)".</param>
/// <param name="Data">What the submit button carries back: the measure and period (verb added by the card).</param>
/// <param name="NotSaved">Why the entry wasn't saved (storage unreachable): said at the top, the entry kept.</param>
public sealed record UpdatePromptView(
    string Reference,
    string Title,
    string Period,
    string Headline,
    string Deadline,
    bool IsOverdue,
    string? Target,
    IReadOnlyList<PastFigure> Recent,
    string? Direction,
    string? PreviousCommentary,
    string ValueLabel,
    double? Min,
    double? Max,
    bool CommentaryRequired,
    string? ActionNoteRule,
    IReadOnlyDictionary<string, string> Data,
    UpdateEntry? Entry = null,
    UpdateProblems? Problems = null,
    string? NotSaved = null
)
{
    /// <summary>The measure's figures before this period, against its target: the slide before the figure.</summary>
    public TrendView? Trend { get; init; }
}

/// <summary>
/// The card that asks a measure's owner for a period's figure, commentary and action note, and
/// comes back with their entry kept and the problems beside each input when it can't be accepted.
/// </summary>
public static class UpdatePromptCard
{
    public const string ValueInput = "value";
    public const string CommentaryInput = "commentary";
    public const string ActionNoteInput = "actionNote";

    public static AdaptiveCard Build(UpdatePromptView view)
    {
        var body = new List<CardElement>
        {
            new TextBlock(CardText.Plain(view.Headline))
            {
                Size = "Medium",
                Weight = "Bolder",
                Style = "heading",
                Color = view.IsOverdue ? "Attention" : null,
            },
            new TextBlock($"**{CardText.Plain(view.Reference)}** {CardText.Plain(view.Title)}") { Spacing = "Small" },
        };

        var facts = new List<Fact>
        {
            new("Period", CardText.Plain(view.Period)),
            new("Due by", CardText.Plain(view.Deadline) + (view.IsOverdue ? " (overdue)" : string.Empty)),
            new(
                "Target",
                view.Target is null ? "No target: judged on direction of travel" : CardText.Plain(view.Target)
            ),
        };
        if (view.Recent.Count > 0)
        {
            facts.Add(
                new(
                    "Recent figures",
                    string.Join(
                        "; ",
                        view.Recent.Select(p =>
                            CardText.Plain(
                                $"{p.Period} {p.Value}{(p.Status is null ? string.Empty : $" ({p.Status})")}"
                            )
                        )
                    )
                )
            );
        }

        if (view.Direction is not null)
        {
            facts.Add(new("Direction of travel", CardText.Plain(view.Direction)));
        }

        body.Add(new FactSet(facts));
        if (view.Trend is not null)
        {
            body.Add(TrendChart.Build(view.Trend));
        }

        if (view.PreviousCommentary is not null)
        {
            body.Add(
                new TextBlock($"Your last commentary: {CardText.Plain(view.PreviousCommentary)}")
                {
                    IsSubtle = true,
                    Size = "Small",
                }
            );
        }

        if (view.NotSaved is not null)
        {
            var notSaved = new TextBlock(CardText.Plain(view.NotSaved)) { Weight = "Bolder", Color = "Attention" };
            body.Add(new Container([notSaved]) { Style = "attention" });
        }
        else if (view.Problems is { Any: true })
        {
            body.Add(
                new Container([
                    new TextBlock("Nothing has been saved yet. Please fix what's marked below and submit again.")
                    {
                        Weight = "Bolder",
                        Color = "Attention",
                    },
                ])
                {
                    Style = "attention",
                }
            );
        }

        var entry = view.Entry;
        body.Add(
            new InputNumber(ValueInput, view.ValueLabel)
            {
                IsRequired = true,
                ErrorMessage = "Enter this period's figure.",
                Min = view.Min,
                Max = view.Max,
                Value = entry?.Value is { } typed ? (double)typed : null,
                Separator = true,
                Spacing = "Medium",
            }
        );
        AddProblems(body, view.Problems?.Value);

        body.Add(
            new InputText(CommentaryInput, view.CommentaryRequired ? "Commentary (required)" : "Commentary")
            {
                Placeholder = "What lies behind this figure?",
                IsMultiline = true,
                IsRequired = view.CommentaryRequired ? true : null,
                ErrorMessage = view.CommentaryRequired ? "Commentary is required." : null,
                MaxLength = 4000,
                Value = entry?.Commentary,
            }
        );
        AddProblems(body, view.Problems?.Commentary);

        body.Add(
            new InputText(
                ActionNoteInput,
                view.ActionNoteRule is null ? "Action note" : "Action note (required if off target)"
            )
            {
                Placeholder = "What is being done about it, by whom, by when?",
                IsMultiline = true,
                MaxLength = 4000,
                Value = entry?.ActionNote,
            }
        );
        if (view.ActionNoteRule is not null)
        {
            body.Add(
                new TextBlock(CardText.Plain(view.ActionNoteRule))
                {
                    Size = "Small",
                    IsSubtle = true,
                    Spacing = "None",
                }
            );
        }

        AddProblems(body, view.Problems?.ActionNote);

        body.Add(
            new ActionSet([
                ActionExecute.WithSubmitFallback("Submit update", Verbs.SubmitUpdate, view.Data) with
                {
                    Style = "positive",
                },
            ])
        );
        body.Add(
            new TextBlock("Or just type it here, e.g. 42.5 — two crews off sick; action: agency cover from Monday")
            {
                Size = "Small",
                IsSubtle = true,
            }
        );
        return new AdaptiveCard { Body = body };
    }

    private static void AddProblems(List<CardElement> body, IReadOnlyList<string>? problems)
    {
        foreach (var problem in problems ?? [])
        {
            body.Add(
                new TextBlock(CardText.Plain(problem))
                {
                    Color = "Attention",
                    Size = "Small",
                    Spacing = "None",
                }
            );
        }
    }
}
