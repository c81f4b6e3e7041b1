using PmfBot.Cards.Model;

namespace PmfBot.Cards.Onboarding;

/// <param name="PersonName">Who is being welcomed in a personal chat, when the catalogue knows them.</param>
/// <param name="MeasuresOwned">How many measures they update (owner or delegate).</param>
/// <param name="IsChannel">Welcomed into a team channel, not a personal chat: it speaks to everyone there.</param>
/// <param name="TeamName">In a channel, the team's name, when Teams sent it.</param>
public sealed record WelcomeView(
    string CouncilName,
    string? PersonName,
    int MeasuresOwned,
    bool IsChannel,
    string? TeamName = null
);

/// <summary>Sent when PmfBot is installed: who it is, what it will send, what you can ask.</summary>
public static class WelcomeCard
{
    public static AdaptiveCard Build(WelcomeView view)
    {
        var greeting = (view.IsChannel, view.TeamName, view.PersonName) switch
        {
            (true, { } team, _) => $"Hello everyone in {CardText.Plain(team)}, I'm PmfBot.",
            (true, null, _) => "Hello everyone, I'm PmfBot.",
            (false, _, { } person) => $"Hello {CardText.Plain(FirstName(person))}, I'm PmfBot.",
            (false, _, null) => "Hello, I'm PmfBot.",
        };
        var body = new List<CardElement>
        {
            new TextBlock(greeting)
            {
                Size = "Large",
                Weight = "Bolder",
                Style = "heading",
            },
            new TextBlock(
                $"I run {CardText.Plain(view.CouncilName)}'s Performance Management Framework here in Teams."
            ),
        };

        if (view.IsChannel)
        {
            body.Add(
                new TextBlock(
                    "In this channel I can post a weekly performance digest. Mention me with **subscribe** to start "
                        + "one, or **help** to see what else I do."
                )
            );
        }
        else
        {
            body.Add(
                new FactSet([
                    new Fact(
                        "When an update is due",
                        "I'll send you a card to enter the value and commentary: one tap, or just type it here."
                    ),
                    new Fact(
                        "If it's off track",
                        "I'll ask for an action note, and pass significantly off-track results to the Chief Officer."
                    ),
                    new Fact("If it's late", "I'll remind you before the deadline and on the day, then chase."),
                ])
            );
            body.Add(
                new TextBlock(
                    view.MeasuresOwned switch
                    {
                        0 => "You don't update any measures yet. If you should, ask the performance team to add you in "
                            + "the catalogue.",
                        1 => "You update **1** measure.",
                        var n => $"You update **{n}** measures.",
                    }
                )
            );
        }

        // Universal Actions go in an ActionSet (with an Action.Submit fallback for older clients).
        body.Add(
            new ActionSet(
                view.IsChannel
                    ? [ActionExecute.WithSubmitFallback("What can you do?", Verbs.Help)]
                    :
                    [
                        ActionExecute.WithSubmitFallback("Show my measures", Verbs.MyMeasures),
                        ActionExecute.WithSubmitFallback("What can you do?", Verbs.Help),
                    ]
            )
        );
        return new AdaptiveCard { Body = body };
    }

    private static string FirstName(string name) =>
        name.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : name;
}
