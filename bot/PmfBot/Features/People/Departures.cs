using PmfBot.Bot;
using PmfBot.Council;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Cover;
using PmfBot.Domain.People;
using PmfBot.Storage.Catalogue;
using PmfBot.Storage.Conversations;
using PmfBot.Storage.Cover;
using PmfBot.Storage.People;
using PmfBot.Teams.Connector;
using PmfBot.Teams.Schema;
using Activity = PmfBot.Teams.Schema.Activity;

namespace PmfBot.Features.People;

/// <summary>What recording a leaver came to.</summary>
/// <param name="IsNew">False when they were already on record (the tidy-up ran again, and found less to do).</param>
/// <param name="Told">The performance team members told, this time.</param>
public sealed record Departure(
    Leaver Leaver,
    bool IsNew,
    OwnerlessWork Work,
    int ChatsForgotten,
    IReadOnlyList<Delegation> DelegationsEnded,
    IReadOnlyList<PersonId> Told
);

/// <summary>
/// Someone has left: recorded first (so the due scans stop prompting them at once), then their chat
/// with PmfBot forgotten, the delegations they gave or held ended, and the performance team told,
/// once each, what now has nobody. Every step can run again: a run that fails part-way is finished
/// by the next check.
/// </summary>
public sealed partial class Departures(
    CatalogueStore catalogue,
    LeaverStore leavers,
    ConversationStore conversations,
    CoverStore cover,
    ProactiveMessenger messenger,
    PerformanceTeam performanceTeam,
    TimeProvider time,
    ILogger<Departures> logger
)
{
    public async Task<Departure> RecordAsync(PersonId person, LeavingReason why, CancellationToken cancellationToken)
    {
        var council = await catalogue.LoadAsync(cancellationToken);
        var now = time.GetUtcNow();
        var isNew = await leavers.TryAddAsync(
            new Leaver(person, council.NameOf(person), now, why, []),
            cancellationToken
        );
        var leaver = await leavers.GetAsync(person, cancellationToken)
            ?? throw new InvalidOperationException($"{person} was recorded as a leaver but can't be read back.");

        var chats = council.FindPerson(person)?.AadObjectId is { Length: > 0 } aad
            ? await conversations.ForgetPersonAsync(aad, cancellationToken)
            : 0;
        var ended = await cover.EndInvolvingAsync(person, UkTime.DateAt(now), cancellationToken);
        var work = OwnerlessWork.Of(council, person);

        var told = new List<PersonId>();
        var text = LeaverNotice.Text(leaver, work, ended.Count);
        // Someone who held nothing and covered nobody leaves nothing to reassign: they are tidied away quietly.
        var tell = !work.IsEmpty || ended.Count > 0;
        foreach (var member in tell ? performanceTeam.In(council, except: person) : [])
        {
            if (
                leaver.ToldTo.Contains(member.Id)
                || !await leavers.TryClaimNoticeAsync(person, member.Id, cancellationToken)
            )
            {
                continue;
            }

            if (await TellAsync(member, text, cancellationToken))
            {
                told.Add(member.Id);
            }
            else
            {
                await leavers.ReleaseNoticeAsync(person, member.Id, CancellationToken.None);
            }
        }

        if (isNew)
        {
            LogRecorded(logger, why, chats, ended.Count, told.Count);
        }

        return new Departure(leaver, isNew, work, chats, ended, told);
    }

    /// <summary>
    /// They hold something to reassign, and someone of the performance team (who PmfBot can name) has not been told.
    /// </summary>
    public bool IsUnfinished(Leaver leaver, CouncilCatalogue council) =>
        !OwnerlessWork.Of(council, leaver.Person).IsEmpty
        && performanceTeam.In(council, except: leaver.Person).Any(m => !leaver.ToldTo.Contains(m.Id));

    private async Task<bool> TellAsync(Person member, string text, CancellationToken cancellationToken)
    {
        if (member.AadObjectId is not { Length: > 0 } aad)
        {
            return false;
        }

        var sent = await messenger.SendToPersonAsync(
            aad,
            new Activity { Type = ActivityTypes.Message, Text = text },
            "leaver notice",
            cancellationToken
        );
        return sent is SendOutcome.Sent;
    }

    // Logs name nobody: who left is in storage and in the performance team's chat.
    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Recorded a leaver ({Why}): {Chats} chat rows forgotten, {Delegations} delegations ended, "
            + "{Told} of the performance team told"
    )]
    private static partial void LogRecorded(ILogger logger, LeavingReason why, int chats, int delegations, int told);
}
