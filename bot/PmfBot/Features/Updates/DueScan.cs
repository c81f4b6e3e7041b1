using Microsoft.Extensions.Options;
using PmfBot.Bot;
using PmfBot.Cards;
using PmfBot.Cards.Updates;
using PmfBot.Council;
using PmfBot.Delivery;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Measures;
using PmfBot.Storage.Cover;
using PmfBot.Storage.Prompts;
using PmfBot.Storage.Results;
using PmfBot.Teams.Schema;
using Activity = PmfBot.Teams.Schema.Activity;

namespace PmfBot.Features.Updates;

/// <summary>
/// The due scan: asks Domain what is due as of now (prompts, reminders, overdue chasers, chases to
/// the Head of Service) and sends each through the paced sender, claiming it in storage first and
/// recording the outcome after, so restarts and several instances never send a step twice or skip one.
/// These share one read of every measure's figures and one plan, so they are one job; activity
/// reports, extension notices and escalations have jobs of their own.
/// </summary>
public sealed class DueScan(
    CouncilToday catalogue,
    CoverStore cover,
    ResultStore results,
    ClaimedSend sender,
    Telemetry.PmfMetrics metrics,
    TimeProvider time,
    IOptions<UpdateCycleOptions> options,
    CouncilRules rules,
    OwnerLeftNotices ownerLeft,
    ILineManagers? lineManagers = null
) : IDueWork
{
    public string What => "The due scan";

    public async Task<SendReport> RunAsync(CancellationToken cancellationToken)
    {
        var (council, managers) = await WithLineManagersAsync(
            await catalogue.LoadAsync(cancellationToken),
            cancellationToken
        );
        var now = time.GetUtcNow();
        var policy = rules.Cycle;
        var states = await MeasureState.ReadAsync(results, council.Measures, cancellationToken);
        var due = DuePlanner
            .DueAt(
                council.Measures,
                council.Services,
                (m, p) => states[m.Reference].IsAnswered(p),
                (m, p) => states[m.Reference].ExtensionsFor(p),
                now,
                policy,
                managers
            )
            .ToList();

        // Snoozed reminders wait (never past the deadline); chases to a Head of Service never do.
        var today = Domain.Calendar.UkTime.DateAt(now);
        var snoozes = await cover.GetSnoozesInForceAsync(today, cancellationToken);
        due.RemoveAll(a =>
            a.Step.Kind != PromptKind.Chase
            && snoozes.Any(s => s.Holds(a.Recipient, a.Measure.Reference, a.Deadline.Date, today))
        );

        // Nobody prompts someone who has left: the performance team hears instead, once per measure and period. A
        // chase to a Head of Service who left goes nowhere: the team heard what they headed when they left.
        var leavers = await ownerLeft.ReadLeaversAsync(cancellationToken);
        var ownerless = due.Where(a => a.Step.Kind != PromptKind.Chase && leavers.ContainsKey(a.Recipient))
            .DistinctBy(a => (a.Measure.Reference, a.Period))
            .ToList();
        due.RemoveAll(a => leavers.ContainsKey(a.Recipient));

        metrics.UpdatesOverdue(states.Values.Sum(s => s.OpenAt(now, policy).Count(o => o.Deadline.IsOverdueAt(now))));

        var outcomes = new System.Collections.Concurrent.ConcurrentBag<PromptState?>();
        await Parallel.ForEachAsync(
            due,
            new ParallelOptions
            {
                MaxDegreeOfParallelism = options.Value.SendConcurrency,
                CancellationToken = cancellationToken,
            },
            async (action, ct) =>
            {
                var sent = await SendAsync(action, states[action.Measure.Reference], council, now, ct);
                if (sent == PromptState.Sent)
                {
                    metrics.PromptSent("measure", action.Step.Kind);
                }

                outcomes.Add(sent);
            }
        );

        foreach (var action in ownerless)
        {
            var leaver = leavers[action.Recipient];
            var told = await ownerLeft.SendAsync(
                (action.Measure.Reference, action.Measure.Reference.Value, action.Measure.Title, "figure"),
                action.Period,
                action.Deadline,
                leaver,
                council,
                cancellationToken
            );
            foreach (var outcome in told)
            {
                outcomes.Add(outcome);
            }
        }

        var report = SendReport.Of(outcomes);

        return report;
    }

    private Task<PromptState?> SendAsync(
        DueAction action,
        MeasureState state,
        CouncilCatalogue council,
        DateTimeOffset now,
        CancellationToken cancellationToken
    ) =>
        sender.SendAsync(
            action.Measure.Reference,
            action.Period,
            action.Step.Key,
            action.Recipient,
            council,
            () =>
                action.Step.Kind == PromptKind.Chase
                    ? OverdueChaseCard.Build(
                        PromptViews.Chase(
                            action.Measure,
                            action.Period,
                            action.Deadline,
                            action.Recipient,
                            council,
                            now
                        )
                    )
                    : UpdatePromptCard.Build(
                        PromptViews.Prompt(state, action.Period, action.Deadline, now, rules.Status, action.Step)
                    ),
            cancellationToken
        );

    /// <summary>
    /// With the directory on: the line managers of owners whose service has no Head of Service, for
    /// the chase, and those managers added to the council's people so their cards can be sent and
    /// name them. Without it the chase goes to the escalation owner, as before.
    /// </summary>
    private async Task<(
        CouncilCatalogue Council,
        IReadOnlyDictionary<PersonId, PersonId>? Managers
    )> WithLineManagersAsync(CouncilCatalogue council, CancellationToken cancellationToken)
    {
        if (lineManagers is null)
        {
            return (council, null);
        }

        var managers = new Dictionary<PersonId, PersonId>();
        var outsiders = new Dictionary<PersonId, Person>();
        var owners = council
            .Measures.Where(m => DuePlanner.NeedsLineManager(m, council.Services))
            .Select(m => m.Owner)
            .Distinct();
        foreach (var owner in owners.Select(council.FindPerson).OfType<Person>())
        {
            if (await lineManagers.ManagerOfAsync(owner, cancellationToken) is { } manager)
            {
                managers[owner.Id] = manager.Id;
                if (council.FindPerson(manager.Id) is null)
                {
                    outsiders.TryAdd(manager.Id, manager); // not in the catalogue: known from the directory only
                }
            }
        }

        return (
            outsiders.Count == 0 ? council : council with { People = [.. council.People, .. outsiders.Values] },
            managers
        );
    }
}
