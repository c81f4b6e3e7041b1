using PmfBot.Cards.Model;

namespace PmfBot.Cards.Extensions;

/// <summary>
/// The form an owner sends to ask for more time: what they typed is kept when it comes back with problems.
/// </summary>
/// <param name="Deadline">The deadline now, in words: "Tuesday 10 November 2026".</param>
/// <param name="Earliest">The first day that can be asked for ("yyyy-MM-dd"): the day after the current
/// deadline.</param>
/// <param name="Latest">The last day that can be asked for ("yyyy-MM-dd"): the period closes for reports after
/// it.</param>
/// <param name="Approvers">Who decides: "Helen Price or Priya Shah".</param>
/// <param name="Data">What the button carries back: the measure and period.</param>
public sealed record ExtensionRequestView(
    string Reference,
    string Title,
    string Period,
    string Deadline,
    string Earliest,
    string Latest,
    string Approvers,
    IReadOnlyDictionary<string, string> Data,
    string? NewDeadline = null,
    string? Reason = null,
    IReadOnlyList<string>? Problems = null
);

public static class ExtensionRequestCard
{
    public const string NewDeadlineInput = "newDeadline";
    public const string ReasonInput = "reason";

    public static AdaptiveCard Build(ExtensionRequestView view)
    {
        var body = new List<CardElement>
        {
            new TextBlock("Ask for more time")
            {
                Size = "Medium",
                Weight = "Bolder",
                Style = "heading",
            },
            new TextBlock($"**{CardText.Plain(view.Reference)}** {CardText.Plain(view.Title)}") { Spacing = "Small" },
            new FactSet([
                new Fact("Period", CardText.Plain(view.Period)),
                new Fact("Due by", CardText.Plain(view.Deadline)),
                new Fact("Decided by", CardText.Plain(view.Approvers)),
            ]),
        };
        if (view.Problems is { Count: > 0 } problems)
        {
            body.Add(
                new Container([
                    .. problems.Select(p => new TextBlock(CardText.Plain(p)) { Color = "Attention", Size = "Small" }),
                ])
                {
                    Style = "attention",
                }
            );
        }

        body.Add(
            new InputDate(NewDeadlineInput, "New deadline")
            {
                IsRequired = true,
                ErrorMessage = "Pick the day you can have the figure in by.",
                Min = view.Earliest,
                Max = view.Latest,
                Value = view.NewDeadline,
                Separator = true,
            }
        );
        body.Add(
            new InputText(ReasonInput, "Why is more time needed? (required)")
            {
                IsMultiline = true,
                IsRequired = true,
                ErrorMessage = "Give a reason: extensions are agreed on it.",
                MaxLength = 1000,
                Value = view.Reason,
            }
        );
        body.Add(
            new TextBlock(
                "The deadline only moves once the request is approved. Until then the current deadline stands."
            )
            {
                Size = "Small",
                IsSubtle = true,
            }
        );
        body.Add(
            new ActionSet([
                ActionExecute.WithSubmitFallback("Ask for the extension", Verbs.RequestExtension, view.Data) with
                {
                    Style = "positive",
                },
            ])
        );
        return new AdaptiveCard { Body = body };
    }
}
