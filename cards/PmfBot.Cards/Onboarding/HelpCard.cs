using PmfBot.Cards.Model;

namespace PmfBot.Cards.Onboarding;

/// <summary>What PmfBot understands, in the words to type.</summary>
public static class HelpCard
{
    public static AdaptiveCard Build(bool isChannel)
    {
        List<CardElement> body =
        [
            new TextBlock("What you can ask me") { Size = "Medium", Weight = "Bolder", Style = "heading" },
            new FactSet(isChannel
                ? [new Fact("help", "This list."), new Fact("my measures", "The measures you update, with their latest status.")]
                : [new Fact("my measures", "The measures you update, with their latest status and what is due next."), new Fact("help", "This list.")]),
            new TextBlock(isChannel ? "In a channel, mention me first: @PmfBot help." : "Type a word or two; I'll say if I don't follow.") { IsSubtle = true, Spacing = "Medium" },
        ];
        if (!isChannel)
        {
            body.Add(new ActionSet([ActionExecute.WithSubmitFallback("Show my measures", Verbs.MyMeasures)]));
        }

        return new AdaptiveCard { Body = body };
    }
}
