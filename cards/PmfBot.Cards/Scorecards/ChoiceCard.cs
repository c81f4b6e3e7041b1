using PmfBot.Cards.Model;

namespace PmfBot.Cards.Scorecards;

/// <summary>One answer to offer: its button title and what the button sends.</summary>
public sealed record ChoiceButton(string Title, string Verb, IReadOnlyDictionary<string, string> Data);

/// <summary>
/// "Did you mean…?": when a typed name fits more than one service, the bot asks, with a button for each.
/// </summary>
public static class ChoiceCard
{
    public static AdaptiveCard Build(string question, IReadOnlyList<ChoiceButton> choices) =>
        new()
        {
            Body = [new TextBlock(CardText.Plain(question))],
            Actions = [.. choices.Select(c => ActionExecute.WithSubmitFallback(c.Title, c.Verb, c.Data))],
        };
}
