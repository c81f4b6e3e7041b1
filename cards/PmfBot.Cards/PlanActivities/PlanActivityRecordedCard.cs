using PmfBot.Cards.Model;

namespace PmfBot.Cards.PlanActivities;

/// <param name="Status">"On track", "At risk", "Off track", "Completed", "Not started".</param>
/// <param name="StatusColor">"Good", "Warning", "Attention", or null.</param>
/// <param name="Next">"Next report: Q3 2026/27, due by Monday 11 January 2027."</param>
/// <param name="Notice">A line above everything else ("Already recorded at … by …; nothing was changed.").</param>
public sealed record PlanActivityRecordedView(
    string Title,
    string Period,
    string Status,
    string? StatusColor,
    string? Percent,
    string Commentary,
    string? ActionNote,
    string RecordedBy,
    string RecordedAt,
    string Next,
    string? Notice = null
);

/// <summary>A quarter's progress report, once recorded: replaces the prompt so it no longer looks open.</summary>
public static class PlanActivityRecordedCard
{
    public static AdaptiveCard Build(PlanActivityRecordedView view)
    {
        var body = new List<CardElement>();
        if (view.Notice is not null)
        {
            body.Add(new TextBlock(CardText.Plain(view.Notice)) { Weight = "Bolder", Color = "Accent" });
        }

        body.Add(
            new TextBlock($"Recorded: {CardText.Plain(view.Status)} for {CardText.Plain(view.Period)}")
            {
                Size = "Medium",
                Weight = "Bolder",
                Style = "heading",
                Color = view.StatusColor,
            }
        );
        body.Add(new TextBlock($"**{CardText.Plain(view.Title)}**") { Spacing = "Small" });
        var facts = new List<Fact> { new("Status", CardText.Plain(view.Status)) };
        if (view.Percent is not null)
        {
            facts.Add(new("Complete", CardText.Plain(view.Percent)));
        }

        facts.Add(new("Commentary", CardText.Plain(view.Commentary)));
        if (view.ActionNote is not null)
        {
            facts.Add(new("Action note", CardText.Plain(view.ActionNote)));
        }

        facts.Add(new("Recorded", $"{CardText.Plain(view.RecordedAt)} by {CardText.Plain(view.RecordedBy)}"));
        body.Add(new FactSet(facts));
        body.Add(new TextBlock(CardText.Plain(view.Next)) { IsSubtle = true, Size = "Small" });
        return new AdaptiveCard { Body = body };
    }
}
