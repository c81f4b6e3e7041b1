using PmfBot.Cards.Model;

namespace PmfBot.Cards.Updates;

/// <param name="Reference">"NI 192", or an activity's code.</param>
/// <param name="What">"figure" for a measure, "progress report" for an activity.</param>
/// <param name="LeaverName">The owner who left.</param>
/// <param name="Due">"Due by 10 Dec 2026".</param>
public sealed record OwnerLeftView(
    string Reference,
    string Title,
    string Period,
    string What,
    string LeaverName,
    string Due
);

/// <summary>
/// To the performance team: an update fell due whose owner has left, so nobody was prompted for it. They give it a
/// new owner in the catalogue, and the next scan prompts that person.
/// </summary>
public static class OwnerLeftCard
{
    public static AdaptiveCard Build(OwnerLeftView view) =>
        new()
        {
            Body =
            [
                new TextBlock($"Nobody to prompt for {CardText.Plain(view.Reference)}")
                {
                    Size = "Medium",
                    Weight = "Bolder",
                    Style = "heading",
                    Color = "Warning",
                },
                new TextBlock($"**{CardText.Plain(view.Reference)}** {CardText.Plain(view.Title)}")
                {
                    Spacing = "Small",
                },
                new FactSet([
                    new Fact("Period", CardText.Plain(view.Period)),
                    new Fact("Owner", $"{CardText.Plain(view.LeaverName)} (has left)"),
                    new Fact("Due", CardText.Plain(view.Due)),
                ]),
                new TextBlock(
                    $"The {CardText.Plain(view.Period)} {CardText.Plain(view.What)} is due, but its owner has left, so "
                        + "I haven't prompted anyone. Please give it a new owner in the catalogue spreadsheet and "
                        + "import it: the next due scan prompts them."
                )
                {
                    IsSubtle = true,
                },
            ],
        };
}
