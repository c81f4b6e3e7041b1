using PmfBot.Cards.Model;

namespace PmfBot.Cards.Updates;

/// <param name="OwnerName">Who owes the update.</param>
/// <param name="Overdue">"7 days overdue (due by 10 Nov 2026)".</param>
/// <param name="WhyYou">Why this person hears of it: "As Head of Service", "As Sam Taylor's line manager", "As
/// escalation owner".</param>
public sealed record OverdueChaseView(
    string Reference,
    string Title,
    string Period,
    string ServiceName,
    string OwnerName,
    string Overdue,
    string WhyYou = "As Head of Service"
);

/// <summary>
/// To a Head of Service (or, where the service has none, the owner's line manager or the escalation
/// owner): an update in their service is long overdue (PMF: Heads of Service keep their staff's data up to date).
/// </summary>
public static class OverdueChaseCard
{
    public static AdaptiveCard Build(OverdueChaseView view) =>
        new()
        {
            Body =
            [
                new TextBlock($"An update in {CardText.Plain(view.ServiceName)} is overdue")
                {
                    Size = "Medium",
                    Weight = "Bolder",
                    Style = "heading",
                    Color = "Attention",
                },
                new TextBlock($"**{CardText.Plain(view.Reference)}** {CardText.Plain(view.Title)}")
                {
                    Spacing = "Small",
                },
                new FactSet([
                    new Fact("Period", CardText.Plain(view.Period)),
                    new Fact("Owner", CardText.Plain(view.OwnerName)),
                    new Fact("Late", CardText.Plain(view.Overdue)),
                ]),
                new TextBlock(
                    $"{CardText.Plain(view.OwnerName)} has had a prompt and reminders. {CardText.Plain(view.WhyYou)}, "
                        + "please make sure the figure and commentary are entered; if more time is needed, the owner "
                        + "can ask the performance team for an extension."
                )
                {
                    IsSubtle = true,
                },
            ],
        };
}
