using PmfBot.Cards.Model;

namespace PmfBot.Cards.PlanActivities;

/// <summary>A milestone as the card lists it: "East of the district live · 31 Dec 2026 · At risk".</summary>
public sealed record MilestoneLine(string Title, string Due, string Status);

/// <summary>What the owner typed, kept when the card comes back with problems.</summary>
public sealed record PlanActivityEntry(string? Status, string? Percent, string? Commentary, string? ActionNote);

public sealed record PlanActivityInputProblems(
    IReadOnlyList<string> Status,
    IReadOnlyList<string> Percent,
    IReadOnlyList<string> Commentary,
    IReadOnlyList<string> ActionNote
)
{
    public bool Any => Status.Count + Percent.Count + Commentary.Count + ActionNote.Count > 0;
}

/// <param name="Headline">"Your Q2 2026/27 progress report is due", "Overdue: …".</param>
/// <param name="LastReport">"At risk (Q1 2026/27): Two of the six new vehicles delivered late…".</param>
/// <param name="Statuses">The choices, as (title, value): ("On track", "OnTrack").</param>
/// <param name="Data">What the submit button carries back: the activity and quarter.</param>
public sealed record PlanActivityPromptView(
    string Title,
    string Service,
    string Period,
    string Headline,
    string Deadline,
    bool IsOverdue,
    string DueDate,
    IReadOnlyList<MilestoneLine> Milestones,
    string? LastReport,
    IReadOnlyList<(string Title, string Value)> Statuses,
    IReadOnlyDictionary<string, string> Data,
    PlanActivityEntry? Entry = null,
    PlanActivityInputProblems? Problems = null
);

/// <summary>
/// Asks an activity's owner for the quarter's progress: status, % complete, commentary, and an action note when it is
/// slipping.
/// </summary>
public static class PlanActivityPromptCard
{
    public const string StatusInput = "status";
    public const string PercentInput = "percentComplete";
    public const string CommentaryInput = "commentary";
    public const string ActionNoteInput = "actionNote";

    public static AdaptiveCard Build(PlanActivityPromptView view)
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
            new TextBlock($"**{CardText.Plain(view.Title)}**") { Spacing = "Small" },
            new FactSet([
                new Fact("Service", CardText.Plain(view.Service)),
                new Fact("Quarter", CardText.Plain(view.Period)),
                new Fact("Report by", CardText.Plain(view.Deadline) + (view.IsOverdue ? " (overdue)" : string.Empty)),
                new Fact("Activity due", CardText.Plain(view.DueDate)),
            ]),
        };
        if (view.Milestones.Count > 0)
        {
            body.Add(
                new FactSet([
                    .. view.Milestones.Select(m => new Fact(
                        CardText.Plain(m.Due),
                        CardText.Plain($"{m.Title} ({m.Status})")
                    )),
                ])
                {
                    Spacing = "Small",
                }
            );
        }

        if (view.LastReport is not null)
        {
            body.Add(
                new TextBlock($"Last report: {CardText.Plain(view.LastReport)}") { IsSubtle = true, Size = "Small" }
            );
        }

        if (view.Problems is { Any: true })
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
            new InputChoiceSet(
                StatusInput,
                "Where does it stand?",
                [.. view.Statuses.Select(s => new Choice(s.Title, s.Value))]
            )
            {
                Style = "expanded",
                IsRequired = true,
                ErrorMessage = "Pick where the activity stands.",
                Value = entry?.Status,
                Separator = true,
            }
        );
        AddProblems(body, view.Problems?.Status);
        body.Add(
            new InputText(PercentInput, "% complete (if it helps)")
            {
                Placeholder = "e.g. 60",
                MaxLength = 4,
                Value = entry?.Percent,
            }
        );
        AddProblems(body, view.Problems?.Percent);
        body.Add(
            new InputText(CommentaryInput, "Commentary (required)")
            {
                Placeholder = "What happened this quarter?",
                IsMultiline = true,
                IsRequired = true,
                ErrorMessage = "Commentary is required.",
                MaxLength = 4000,
                Value = entry?.Commentary,
            }
        );
        AddProblems(body, view.Problems?.Commentary);
        body.Add(
            new InputText(ActionNoteInput, "Action note (required if at risk or off track)")
            {
                Placeholder = "What is being done to recover it, by whom, by when?",
                IsMultiline = true,
                MaxLength = 4000,
                Value = entry?.ActionNote,
            }
        );
        AddProblems(body, view.Problems?.ActionNote);
        body.Add(
            new ActionSet([
                ActionExecute.WithSubmitFallback("Submit progress", Verbs.SubmitPlanActivity, view.Data) with
                {
                    Style = "positive",
                },
            ])
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
