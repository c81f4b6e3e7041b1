using Microsoft.Extensions.Options;
using PmfBot.Bot;
using PmfBot.Cards.Onboarding;

namespace PmfBot.Features.Onboarding;

/// <summary>Meeting people: the welcome on install, and help.</summary>
public sealed class OnboardingHandlers(IOptions<CouncilOptions> council, Council.PerformanceTeam team)
{
    public static readonly string[] HelpPhrases = ["help", "hi", "hello", "what can you do", "commands", "menu"];

    public Task<TurnAnswer> WelcomeAsync(Turn turn)
    {
        // In a channel the welcome is for everyone there, not for whoever added PmfBot.
        var person = turn.IsChannel ? null : turn.Person;
        var owned = person is null ? 0 : turn.Catalogue.Measures.Count(m => m.MayBeUpdatedBy(person.Id));
        var team = turn.IsChannel ? turn.Activity.TeamsData?.Team?.Name : null;
        var view = new WelcomeView(council.Value.Name, person?.Name, owned, turn.IsChannel, team);
        return Task.FromResult(TurnAnswer.Of(WelcomeCard.Build(view)));
    }

    public Task<TurnAnswer> HelpAsync(Turn turn) => Task.FromResult(TurnAnswer.Of(HelpCard.Build(turn.IsChannel)));

    /// <summary>
    /// Anything the bot did not understand: say so kindly, and offer three questions that fit the person's role.
    /// </summary>
    public TurnAnswer NotUnderstood(Turn turn)
    {
        var examples = Wording.QuestionExamples.Sentence(
            Wording.QuestionExamples.For(turn.Person, turn.Catalogue, [.. team.Ids])
        );
        return TurnAnswer.Say(
            turn.Text.Length == 0
                ? $"I didn't catch that. {examples}"
                : $"Sorry, I don't understand \"{Shorten(turn.Text)}\". {examples}"
        );
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
