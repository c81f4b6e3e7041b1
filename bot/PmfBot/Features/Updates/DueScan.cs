using Microsoft.Extensions.Options;
using PmfBot.Bot;
using PmfBot.Cards;
using PmfBot.Cards.Updates;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Storage.Catalogue;
using PmfBot.Storage.Prompts;
using PmfBot.Storage.Results;
using PmfBot.Teams.Schema;
using Activity = PmfBot.Teams.Schema.Activity;

namespace PmfBot.Features.Updates;

/// <summary>What one run of the due scan did.</summary>
public sealed record DueScanReport(int Due, int Sent, int AlreadyHandled, int WaitingForInstall, int Gone, int Failed)
{
    public override string ToString() =>
        $"Due scan: {Due} due, {Sent} sent, {AlreadyHandled} already handled, {WaitingForInstall} waiting for install, {Gone} gone, {Failed} failed";
}

/// <summary>
/// The due scan: asks Domain what is due as of now (prompts, reminders, overdue chasers, chases to
/// the Head of Service) and sends each through the paced sender, claiming it in storage first and
/// recording the outcome after, so restarts and several instances never send a step twice or skip one.
/// </summary>
public sealed partial class DueScan(
    CatalogueStore catalogue,
    ResultStore results,
    PromptStore prompts,
    ProactiveMessenger messenger,
    TimeProvider time,
    IOptions<UpdateCycleOptions> options,
    ILogger<DueScan> logger)
{
    /// <summary>Names this instance in its claims ("host/1234"), so a stuck claim says who held it.</summary>
    public string Claimant { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..6]}";

    public async Task<DueScanReport> RunAsync(CancellationToken cancellationToken)
    {
        var council = await catalogue.LoadAsync(cancellationToken);
        var now = time.GetUtcNow();
        var policy = options.Value.ToPolicy();
        var states = await MeasureState.ReadAsync(results, council.Measures, cancellationToken);
        var due = DuePlanner.DueAt(
            council.Measures, council.Services,
            (m, p) => states[m.Reference].IsAnswered(p),
            (m, p) => states[m.Reference].ExtensionsFor(p),
            now, policy).ToList();

        var outcomes = new System.Collections.Concurrent.ConcurrentBag<PromptState?>();
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = options.Value.SendConcurrency, CancellationToken = cancellationToken }, async (action, ct) =>
        {
            outcomes.Add(await SendAsync(action, states[action.Measure.Reference], council, now, ct));
        });

        var report = new DueScanReport(
            due.Count,
            outcomes.Count(o => o == PromptState.Sent),
            outcomes.Count(o => o is null),
            outcomes.Count(o => o == PromptState.WaitingForInstall),
            outcomes.Count(o => o == PromptState.Gone),
            outcomes.Count(o => o == PromptState.Failed));
        if (report.Due > 0)
        {
            LogReport(logger, report);
        }

        return report;
    }

    /// <summary>Claims, sends and records one step. Null when it was not this scan's to send.</summary>
    private async Task<PromptState?> SendAsync(DueAction action, MeasureState state, Domain.Catalogue.Catalogue council, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var claim = await prompts.TryClaimAsync(
            action.Measure.Reference, action.Period, action.Step.Key, action.Recipient, Claimant, now, settings.ClaimLease, settings.MaxSendAttempts, cancellationToken);
        if (claim is null)
        {
            return null;
        }

        var recipient = council.FindPerson(action.Recipient);
        PromptRecord outcome;
        if (recipient?.AadObjectId is not { Length: > 0 } aad)
        {
            outcome = claim.Record with { State = PromptState.WaitingForInstall, Note = "The catalogue has no Entra object id for this person, so Teams can't reach them." };
        }
        else
        {
            var card = action.Step.Kind == PromptKind.Chase
                ? OverdueChaseCard.Build(PromptViews.Chase(action.Measure, action.Period, action.Deadline, council, now))
                : UpdatePromptCard.Build(PromptViews.Prompt(state, action.Period, action.Deadline, now, action.Step));
            var message = new Activity { Type = ActivityTypes.Message, Attachments = [Attachment.AdaptiveCard(CardJson.ToElement(card))] };
            var sent = await messenger.SendToPersonAsync(aad, message, action.ClaimKey, cancellationToken);
            outcome = sent switch
            {
                ProactiveOutcome.Sent s => claim.Record with
                {
                    State = PromptState.Sent, SentAt = time.GetUtcNow(), ServiceUrl = s.ServiceUrl, ConversationId = s.ConversationId, ActivityId = s.ActivityId, Note = null,
                },
                ProactiveOutcome.NoConversation => claim.Record with { State = PromptState.WaitingForInstall, Note = "Has never opened PmfBot in Teams: no chat to write into yet." },
                ProactiveOutcome.Gone g => claim.Record with { State = PromptState.Gone, Note = g.Reason },
                ProactiveOutcome.Failed f => claim.Record with { State = PromptState.Failed, Note = f.Reason },
                _ => claim.Record with { State = PromptState.Failed, Note = sent.ToString() },
            };
        }

        if (!await prompts.RecordOutcomeAsync(claim, outcome, CancellationToken.None))
        {
            LogClaimLost(logger, action.ClaimKey);
        }

        if (outcome.State == PromptState.WaitingForInstall && claim.Previous != PromptState.WaitingForInstall)
        {
            LogWaiting(logger, action.ClaimKey, action.Recipient.Value);
        }

        return outcome.State;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Report}")]
    private static partial void LogReport(ILogger logger, DueScanReport report);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ClaimKey}: the claim was taken over before its outcome was recorded; the claim lease (Updates:ClaimLease) is too short for this load")]
    private static partial void LogClaimLost(ILogger logger, string claimKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ClaimKey}: {Recipient} has not opened PmfBot in Teams; waiting for install, retried every scan")]
    private static partial void LogWaiting(ILogger logger, string claimKey, string recipient);
}
