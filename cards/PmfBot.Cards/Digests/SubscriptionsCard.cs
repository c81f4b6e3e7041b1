using PmfBot.Cards.Model;

namespace PmfBot.Cards.Digests;

/// <summary>
/// One of a channel's subscriptions: "Waste", "Mondays at 09:00", "since 23 Nov 2026, by Daniel Okoro", paused or not.
/// </summary>
public sealed record SubscriptionLine(string Scope, string Schedule, string Since, string? Paused = null);

/// <param name="Headline">"Subscribed" / "This channel's digests".</param>
/// <param name="Message">"This channel gets the Waste digest on Mondays at 09:00 (UK time). The first is on Monday 30
/// November."</param>
public sealed record SubscriptionsView(
    string Headline,
    string? Message,
    IReadOnlyList<SubscriptionLine> Subscriptions,
    string? Footnote = null
);

/// <summary>
/// A channel's digest subscriptions: the confirmation after subscribing or unsubscribing, and "subscriptions".
/// </summary>
public static class SubscriptionsCard
{
    public static AdaptiveCard Build(SubscriptionsView view)
    {
        var body = new List<CardElement>
        {
            new TextBlock(CardText.Plain(view.Headline))
            {
                Size = "Medium",
                Weight = "Bolder",
                Style = "heading",
            },
        };
        if (view.Message is not null)
        {
            body.Add(new TextBlock(CardText.Plain(view.Message)));
        }

        if (view.Subscriptions.Count > 0)
        {
            body.Add(
                new TextBlock("This channel's digests")
                {
                    Weight = "Bolder",
                    Separator = true,
                    Spacing = "Medium",
                }
            );
            body.Add(
                new FactSet([
                    .. view.Subscriptions.Select(s => new Fact(
                        CardText.Plain(s.Scope),
                        CardText.Plain(
                            s.Paused is null ? $"{s.Schedule} · {s.Since}" : $"Paused: {s.Paused} · {s.Since}"
                        )
                    )),
                ])
            );
        }

        if (view.Footnote is not null)
        {
            body.Add(new TextBlock(CardText.Plain(view.Footnote)) { IsSubtle = true, Size = "Small" });
        }

        return new AdaptiveCard { Body = body };
    }
}
