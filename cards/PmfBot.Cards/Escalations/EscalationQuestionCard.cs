using PmfBot.Cards.Model;

namespace PmfBot.Cards.Escalations;

/// <summary>The escalation owner's question, as the measure's owner gets it.</summary>
/// <param name="Asked">"Priya Shah asked at 10:02 on 9 Nov 2026".</param>
/// <param name="AnswerData">What "Send answer" carries back; null once answered (or no longer open), which shows no
/// form.</param>
/// <param name="Answered">The answer given, once given.</param>
public sealed record EscalationQuestionView(
    string Reference,
    string Title,
    string Period,
    string Figure,
    string Asked,
    string Question,
    IReadOnlyDictionary<string, string>? AnswerData,
    string? Answered = null,
    string? Notice = null,
    IReadOnlyList<string>? Problems = null,
    string? Entry = null
);

/// <summary>Asks the owner the escalation owner's question; the answer goes back into the escalation.</summary>
public static class EscalationQuestionCard
{
    public const string AnswerInput = "answer";

    public static AdaptiveCard Build(EscalationQuestionView view)
    {
        var body = new List<CardElement>();
        if (view.Notice is not null)
        {
            body.Add(
                new Container([new TextBlock(CardText.Plain(view.Notice)) { Weight = "Bolder" }]) { Style = "accent" }
            );
        }

        body.Add(
            new TextBlock(
                view.AnswerData is null ? "Question about your escalation" : "Your escalation: a question for you"
            )
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
            new FactSet([
                new Fact("Period", CardText.Plain(view.Period)),
                new Fact("Figure", CardText.Plain(view.Figure)),
                new Fact(CardText.Plain(view.Asked), CardText.Plain(view.Question)),
            ])
        );
        if (view.Answered is not null)
        {
            body.Add(
                new TextBlock(CardText.Plain(view.Answered))
                {
                    Weight = "Bolder",
                    Color = "Good",
                    Separator = true,
                }
            );
        }

        if (view.AnswerData is { } data)
        {
            foreach (var problem in view.Problems ?? [])
            {
                body.Add(new TextBlock(CardText.Plain(problem)) { Color = "Attention", Weight = "Bolder" });
            }

            body.Add(
                new InputText(AnswerInput, "Your answer")
                {
                    IsMultiline = true,
                    IsRequired = true,
                    ErrorMessage = "Please write your answer.",
                    MaxLength = 2000,
                    Value = view.Entry,
                    Separator = true,
                }
            );
            body.Add(
                new ActionSet([
                    ActionExecute.WithSubmitFallback("Send answer", Verbs.AnswerEscalation, data) with
                    {
                        Style = "positive",
                    },
                ])
            );
        }

        return new AdaptiveCard { Body = body };
    }
}
