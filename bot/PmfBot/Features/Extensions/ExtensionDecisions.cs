using Microsoft.Extensions.Options;
using PmfBot.Bot;
using PmfBot.Cards.Extensions;
using PmfBot.Cards.Payloads;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Measures;
using PmfBot.Storage.Results;
using PmfBot.Wording;

namespace PmfBot.Features.Extensions;

/// <summary>
/// Approve or Refuse on an extension request. Only a configured decider may press them, never on
/// their own request, and a request is decided once: a second decider sees who decided first.
/// Approval moves the deadline (the due scan and every card read it afresh); the requester and
/// owner are told either way.
/// </summary>
public sealed class ExtensionDecisions(
    ResultStore results,
    ExtensionNotices notices,
    Standings.StandingsKeeper standings,
    IOptions<ExtensionOptions> extensionOptions,
    TimeProvider time,
    CouncilRules rules
)
{
    public async Task<TurnAnswer> DecideAsync(Turn turn)
    {
        if (
            !turn.TryGetMeasurePeriod(out var measure, out var period)
            || turn.DataText(ExtensionCard.DecisionKey) is not (ExtensionCard.Approve or ExtensionCard.Refuse)
        )
        {
            return TurnAnswer.Say(
                "I couldn't tell which request that button was for, or what it decided. Nothing was changed."
            );
        }

        if (turn.Person is null || !notices.IsDecider(turn.Person.Id))
        {
            var deciders = extensionOptions.Value.ApproverIds().Select(id => Said.Plain(turn.Catalogue.NameOf(id)));
            return TurnAnswer.Say(
                $"Only {Said.Names(deciders)} can decide extension requests, so your press changed nothing."
            );
        }

        var state = await MeasureState.ReadAsync(results, measure, turn.Cancellation);
        var policy = rules.Cycle;
        if (
            state.ExtensionsFor(period).FirstOrDefault(e => e.Id == ExtensionData.Read(turn.DataText).Extension)
            is not { } request
        )
        {
            return TurnAnswer.Say(
                $"I can't find that extension request for {measure.Reference} {period}. Nothing was changed."
            );
        }

        if (request.RequestedBy == turn.Person.Id)
        {
            return TurnAnswer.Say(
                "You can't decide your own extension request: someone else on the list of deciders will. Nothing was "
                    + "changed."
            );
        }

        if (request.Decision != ExtensionDecision.Pending)
        {
            return AlreadyDecided(request, state, turn.Catalogue, policy);
        }

        var decided = request.Decide(
            turn.DataText(ExtensionCard.DecisionKey) == ExtensionCard.Approve,
            turn.Person.Id,
            time.GetUtcNow(),
            turn.DataText(ExtensionCard.NoteInput)
        );
        var recorded = await standings.ChangeAsync(
            Standings.StandingSource.Extensions,
            measure.Reference,
            period,
            ct => results.TryRecordExtensionDecisionAsync(decided, ct),
            turn.Cancellation
        );
        if (!recorded)
        {
            var fresh = await MeasureState.ReadAsync(results, measure, turn.Cancellation);
            return
                fresh.ExtensionsFor(period).FirstOrDefault(e => e.Id == request.Id)
                    is { Decision: not ExtensionDecision.Pending } other
                ? AlreadyDecided(other, fresh, turn.Catalogue, policy)
                : TurnAnswer.Say(
                    "Storage didn't take the decision just now. Nothing was changed; please press again in a minute."
                );
        }

        var after = state with { Extensions = [.. state.Extensions.Where(e => e.Id != decided.Id), decided] };
        var deadline = after.DeadlineFor(period, policy);
        await notices.ShowDecidedAsync(decided, measure, deadline, turn.Catalogue, turn.Activity, turn.Cancellation);
        var told = await notices.DeliverAsync(decided, measure, deadline, turn.Catalogue, turn.Cancellation);
        var reached = Said.Names(
            told.Where(t => t.State is Storage.Prompts.PromptState.Sent).Select(t => t.Person.Name)
        );
        var waiting = Said.Names(
            told.Where(t => t.State is not Storage.Prompts.PromptState.Sent).Select(t => t.Person.Name)
        );
        var notice =
            "Decision recorded."
            + (reached.Length > 0 ? $" {reached} told." : string.Empty)
            + (
                waiting.Length > 0
                    ? $" {waiting} can't get PmfBot cards yet and will be told once they open PmfBot in Teams."
                    : string.Empty
            );
        return TurnAnswer.Of(
            ExtensionCard.Build(
                ExtensionViews.Of(decided, measure, turn.Catalogue, deadline, ExtensionAudience.Decider, notice)
            )
        );
    }

    private static TurnAnswer AlreadyDecided(
        DeadlineExtension request,
        MeasureState state,
        CouncilCatalogue council,
        UpdateCyclePolicy policy
    ) =>
        TurnAnswer.Of(
            ExtensionCard.Build(
                ExtensionViews.Of(
                    request,
                    state.Measure,
                    council,
                    state.DeadlineFor(request.Period, policy),
                    ExtensionAudience.Decider,
                    $"This request was already {request.Decision.ToString().ToLowerInvariant()} by "
                        + $"{council.NameOf(request.DecidedBy!.Value)}; nothing was changed."
                )
            )
        );
}
