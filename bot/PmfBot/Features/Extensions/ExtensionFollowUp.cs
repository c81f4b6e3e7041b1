using PmfBot.Council;
using PmfBot.Delivery;
using PmfBot.Domain.Deadlines;
using PmfBot.Measures;
using PmfBot.Standings;
using PmfBot.Storage.Prompts;
using PmfBot.Storage.Results;

namespace PmfBot.Features.Extensions;

/// <summary>
/// Delivers what extension requests still owe anyone while their period is open: the request to
/// each decider, the decision to the owner (they may have installed PmfBot since, or Teams failed).
/// The standings say which measures have requests (a read per service); each of those measures'
/// own figures are then read, so a standing a moment behind never sends a stale card.
/// </summary>
public sealed class ExtensionFollowUp(
    CouncilToday catalogue,
    StandingsReader standings,
    ResultStore results,
    ExtensionNotices notices,
    TimeProvider time,
    CouncilRules rules
) : IDueWork
{
    public string What => "The extension follow-up";

    public async Task<SendReport> RunAsync(CancellationToken cancellationToken)
    {
        var council = await catalogue.LoadAsync(cancellationToken);
        var (now, policy) = (time.GetUtcNow(), rules.Cycle);
        var standing = await standings.ForAsync(council.Measures, cancellationToken);
        var withRequests = council
            .Measures.Zip(standing)
            .Where(m => m.Second.Extensions.Any(e => IsOpen(e, m.First, m.Second.ExtensionsFor(e.Period))))
            .Select(m => m.First);

        var outcomes = new List<PromptState?>();
        foreach (var measure in withRequests)
        {
            var state = await MeasureState.ReadAsync(results, measure, cancellationToken);
            foreach (var request in state.Extensions.Where(e => IsOpen(e, measure, state.ExtensionsFor(e.Period))))
            {
                var deadline = state.DeadlineFor(request.Period, policy);
                var sent = await notices.DeliverAsync(request, measure, deadline, council, cancellationToken);
                outcomes.AddRange(sent.Select(s => s.State));
            }
        }

        var report = SendReport.Of(outcomes);

        return report;

        bool IsOpen(DeadlineExtension e, Domain.Catalogue.Measure measure, IEnumerable<DeadlineExtension> onPeriod) =>
            policy.StateAt(e.Period, policy.Deadlines.DeadlineFor(measure, e.Period, onPeriod), now)
            == UpdateWindowState.Open;
    }
}
