using PmfBot.Cards.Updates;
using PmfBot.Council;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.People;
using PmfBot.Storage.People;
using PmfBot.Storage.Prompts;

namespace PmfBot.Delivery;

/// <summary>
/// What a due scan sends instead of prompting someone who has left: a card to each of the performance team, once per
/// subject and period, saying nobody was prompted and why.
/// </summary>
public sealed class OwnerLeftNotices(KnownLeavers leavers, PerformanceTeam performanceTeam, ClaimedSend sender)
{
    /// <summary>The step each member's notice is claimed as, beside the update cycle's own steps.</summary>
    public static string Step(PersonId member) => $"owner-left-{member.Value}";

    /// <summary>Everyone who has left, read once per scan.</summary>
    public Task<IReadOnlyDictionary<PersonId, Leaver>> ReadLeaversAsync(CancellationToken cancellationToken) =>
        leavers.GetAsync(cancellationToken);

    /// <param name="what">What is due: "figure", "progress report".</param>
    /// <returns>Each member's outcome (null: told before).</returns>
    public async Task<IReadOnlyList<PromptState?>> SendAsync(
        (PromptSubject Subject, string Reference, string Title, string What) due,
        ReportingPeriod period,
        Deadline deadline,
        Leaver leaver,
        CouncilCatalogue council,
        CancellationToken cancellationToken
    )
    {
        var view = new OwnerLeftView(
            due.Reference,
            due.Title,
            period.ToString(),
            due.What,
            leaver.Name,
            $"Due by {Wording.Dates.ShortDate(deadline.Date)}"
        );
        var outcomes = new List<PromptState?>();
        foreach (var member in performanceTeam.In(council, except: leaver.Person))
        {
            outcomes.Add(
                await sender.SendAsync(
                    due.Subject,
                    period,
                    Step(member.Id),
                    member.Id,
                    council,
                    () => OwnerLeftCard.Build(view),
                    cancellationToken
                )
            );
        }

        return outcomes;
    }
}
