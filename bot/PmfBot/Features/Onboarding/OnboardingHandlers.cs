using Microsoft.Extensions.Options;
using PmfBot.Bot;
using PmfBot.Cards.Onboarding;

namespace PmfBot.Features.Onboarding;

/// <summary>Meeting people: the welcome on install, and help.</summary>
public sealed class OnboardingHandlers(IOptions<CouncilOptions> council)
{
    public static readonly string[] HelpPhrases = ["help", "hi", "hello", "what can you do", "commands", "menu"];

    public Task<TurnAnswer> WelcomeAsync(Turn turn)
    {
        var owned = turn.Person is null ? 0 : turn.Catalogue.Measures.Count(m => m.MayBeUpdatedBy(turn.Person.Id));
        return Task.FromResult(TurnAnswer.Of(WelcomeCard.Build(new WelcomeView(council.Value.Name, turn.Person?.Name, owned, turn.IsChannel))));
    }

    public Task<TurnAnswer> HelpAsync(Turn turn) => Task.FromResult(TurnAnswer.Of(HelpCard.Build(turn.IsChannel)));

    /// <summary>Anything the bot did not understand: say so kindly, and say what works.</summary>
    public static TurnAnswer NotUnderstood(Turn turn) => TurnAnswer.Say(turn.Text.Length == 0
        ? "I didn't catch that. Type **help** to see what I can do."
        : $"Sorry, I don't understand \"{Shorten(turn.Text)}\". Type **help** to see what I can do.");

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
