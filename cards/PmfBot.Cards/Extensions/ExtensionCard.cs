using PmfBot.Cards.Model;

namespace PmfBot.Cards.Extensions;

/// <summary>An extension request as its deciders and its requester see it, before and after the decision.</summary>
/// <param name="Headline">"Extension requested: CS 02", "Extension approved", "Extension refused".</param>
/// <param name="AskedFor">"Friday 13 November 2026 (3 days later)".</param>
/// <param name="Decision">"Approved by Helen Price at 10:02 on 9 Nov 2026: …"; null while pending.</param>
/// <param name="Approved">True approved, false refused, null pending: colours the decision.</param>
/// <param name="DecideData">For a decider of a pending request: what Approve and Refuse carry back. Null shows no
/// buttons.</param>
/// <param name="Notice">A line above everything else ("Already decided by Priya Shah; nothing was changed.").</param>
public sealed record ExtensionView(
    string Headline,
    string Reference,
    string Title,
    string Period,
    string RequestedBy,
    string Deadline,
    string AskedFor,
    string Reason,
    string? Decision,
    bool? Approved,
    IReadOnlyDictionary<string, string>? DecideData,
    string? Notice = null
);

public static class ExtensionCard
{
    public const string NoteInput = "decisionNote";
    public const string DecisionKey = "decision";
    public const string Approve = "approve";
    public const string Refuse = "refuse";

    public static AdaptiveCard Build(ExtensionView view)
    {
        var body = new List<CardElement>();
        if (view.Notice is not null)
        {
            body.Add(new TextBlock(CardText.Plain(view.Notice)) { Weight = "Bolder", Color = "Accent" });
        }

        body.Add(
            new TextBlock(CardText.Plain(view.Headline))
            {
                Size = "Medium",
                Weight = "Bolder",
                Style = "heading",
                Color = view.Approved switch
                {
                    true => "Good",
                    false => "Attention",
                    _ => null,
                },
            }
        );
        body.Add(
            new TextBlock($"**{CardText.Plain(view.Reference)}** {CardText.Plain(view.Title)}") { Spacing = "Small" }
        );
        body.Add(
            new FactSet([
                new Fact("Period", CardText.Plain(view.Period)),
                new Fact("Asked by", CardText.Plain(view.RequestedBy)),
                new Fact("Deadline", CardText.Plain(view.Deadline)),
                new Fact("Asks until", CardText.Plain(view.AskedFor)),
                new Fact("Reason", CardText.Plain(view.Reason)),
            ])
        );
        if (view.Decision is not null)
        {
            body.Add(
                new TextBlock(CardText.Plain(view.Decision))
                {
                    Color = view.Approved == true ? "Good" : "Attention",
                    Weight = "Bolder",
                    Separator = true,
                }
            );
        }

        if (view.DecideData is { } data)
        {
            body.Add(
                new InputText(NoteInput, "Note to the owner (optional)")
                {
                    IsMultiline = true,
                    MaxLength = 1000,
                    Placeholder = "e.g. Agreed: this once, please flag it earlier next time.",
                    Separator = true,
                }
            );
            body.Add(
                new ActionSet([
                    ActionExecute.WithSubmitFallback("Approve", Verbs.DecideExtension, With(data, Approve)) with
                    {
                        Style = "positive",
                    },
                    ActionExecute.WithSubmitFallback("Refuse", Verbs.DecideExtension, With(data, Refuse)) with
                    {
                        Style = "destructive",
                    },
                ])
            );
            body.Add(
                new TextBlock("Approving moves the deadline; the owner is told either way and the decision is kept.")
                {
                    Size = "Small",
                    IsSubtle = true,
                }
            );
        }

        return new AdaptiveCard { Body = body };
    }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> data, string decision) =>
        new(data) { [DecisionKey] = decision };
}
