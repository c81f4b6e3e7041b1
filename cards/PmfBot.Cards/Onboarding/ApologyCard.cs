using PmfBot.Cards.Model;

namespace PmfBot.Cards.Onboarding;

/// <summary>What a person sees when something broke on our side: short, no internals, a reference to quote.</summary>
public static class ApologyCard
{
    public static AdaptiveCard Build(string reference) =>
        new()
        {
            Body =
            [
                new TextBlock("Sorry, something went wrong on our side.") { Weight = "Bolder" },
                new TextBlock(
                    "If you were entering something, it may not have been saved: please check, and try again "
                        + "in a minute. If it keeps happening, tell the performance team and quote this reference:"
                ),
                new TextBlock(CardText.Plain(reference)) { IsSubtle = true, Size = "Small" },
            ],
        };
}
