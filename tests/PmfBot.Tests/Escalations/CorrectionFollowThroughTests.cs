using Microsoft.Extensions.DependencyInjection;
using PmfBot.Domain.Escalations;
using PmfBot.Storage.Results;

namespace PmfBot.Tests.Escalations;

/// <summary>
/// Corrections follow through every time: CS 02's October figure (target 80%, Amber down to 76%, Red below) corrected
/// back and forth leaves exactly the escalation its last figure calls for, with every earlier decision kept, and
/// each person told once.
/// </summary>
public class CorrectionFollowThroughTests : EscalationHost
{
    private const string Red = "61.5";
    private const string Green = "81.2";

    private async Task<string> CorrectAsync(string value, string why = "the call logger was read for the wrong month")
    {
        var before = CardsPostedTo().Count;
        await PostAsync(Personal("message", $"change CS 02 Oct 2026 to {value} because {why}; action: agency cover"));
        return string.Join("\n", CardsPostedTo().Skip(before));
    }

    private int RaisedCardsToPriya() =>
        CardsPostedTo()
            .Count(c =>
                c.Contains("Escalated to you", StringComparison.Ordinal)
                && c.Contains("**CS 02**", StringComparison.Ordinal)
            );

    [Fact]
    public async Task RedThenGreenThenRed_ReopensIt_KeepingTheDecisionTakenBefore()
    {
        await InstallAsync();
        await RecordRedAsync();
        await PressAsync("decideEscalation", Decision("approve", "Agreed: agency cover until January.", "2027-01-15"));
        await CorrectAsync(Green);
        Assert.Equal(EscalationState.Closed, StateOf(await Cs02OctoberAsync()));

        var told = await CorrectAsync("70");

        Assert.Contains("Its Oct 2026 escalation, closed before, is reopened", told, StringComparison.Ordinal);
        var reopened = (await Cs02OctoberAsync())!.Escalation;
        Assert.Equal(
            (EscalationState.Open, 2, EscalationTrigger.Red),
            (reopened.State, reopened.Round, reopened.Trigger)
        );
        var first = Assert.Single(reopened.EarlierRounds);
        Assert.Equal(DecisionKind.ApproveAction, Assert.Single(first.Decisions).Kind);
        Assert.Contains("back within tolerance", first.Closure.Why, StringComparison.Ordinal);
        Assert.Equal("agency cover", reopened.ProposedAction);

        // A new card for the new round, with the first round's decision and closure in its thread.
        var card = CardsPostedTo().Last(c => c.Contains("Escalated to you", StringComparison.Ordinal));
        Assert.Contains(
            "Escalated to you again: CS 02 Oct 2026 is off track after a correction",
            card,
            StringComparison.Ordinal
        );
        Assert.Contains("Remedial action approved.", card, StringComparison.Ordinal);
        Assert.Contains("Closed: CS 02 is back within tolerance", card, StringComparison.Ordinal);
        Assert.Contains("Reopened: a correction put it off track again.", card, StringComparison.Ordinal);
        Assert.Equal(2, RaisedCardsToPriya());

        // And it can be decided again, as a fresh escalation.
        var decided = CardOf(await PressAsync("decideEscalation", Decision("resource", "A third agency adviser.")));
        Assert.Contains("Decided: resource allocated / action changed", decided, StringComparison.Ordinal);
        var now = (await Cs02OctoberAsync())!.Escalation;
        Assert.Equal(
            (EscalationState.Decided, DecisionKind.AllocateResource),
            (now.State, Assert.Single(now.Decisions).Kind)
        );
        Assert.Single(now.EarlierRounds); // the first round's approval is still on record
    }

    [Fact]
    public async Task AReopening_IsToldOnce_HoweverOftenTheEventAndTheScanRun()
    {
        await InstallAsync();
        await RecordRedAsync();
        await CorrectAsync(Green);
        await CorrectAsync(Red);

        await Scan.RunAsync(default);
        await Scan.RunAsync(default);
        Clock.MoveTo(Clock.GetUtcNow().AddMinutes(1));
        await App.Services.GetRequiredService<Events.OutboxRun>().RunOnceAsync(default);

        Assert.Equal(2, RaisedCardsToPriya());
        Assert.Equal(EscalationState.Open, StateOf(await Cs02OctoberAsync()));
    }

    [Fact]
    public async Task ACorrectionMakingAnAmberEscalationRed_ReJudgesIt_AndTellsTheEscalationOwnerOnce()
    {
        await InstallAsync();
        await RecordRedAsync();
        var stored = (await Cs02OctoberAsync())!;
        // As if raised for being Amber and worsening: the rules' other trigger.
        await Escalations.TryChangeAsync(
            stored,
            stored.Escalation with
            {
                Trigger = EscalationTrigger.AmberWorsening,
            },
            default
        );

        var told = await CorrectAsync("60.0");
        await Scan.RunAsync(default);

        Assert.Contains(
            "Its Oct 2026 escalation is now Red: the escalation owner is told.",
            told,
            StringComparison.Ordinal
        );
        var rejudged = (await Cs02OctoberAsync())!.Escalation;
        Assert.Equal((EscalationTrigger.Red, EscalationState.Open), (rejudged.Trigger, rejudged.State));
        Assert.Equal(
            new EscalationRejudgement(
                rejudged.Rejudgements[0].At,
                EscalationTrigger.AmberWorsening,
                EscalationTrigger.Red
            ),
            Assert.Single(rejudged.Rejudgements)
        );
        Assert.Single(CardsPostedTo(), c =>
            c.Contains("Now Red: CS 02 Oct 2026 (escalated as amber and worsening)", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task ALaterPeriodBackWithinTolerance_KeepsACorrectedEarlierEscalationClosed()
    {
        await InstallAsync();
        await RecordRedAsync();
        MoveTo("2026-12-02");
        await PressAsync(
            "submitUpdate",
            new
            {
                verb = "submitUpdate",
                measure = "CS 02",
                period = "FY2026-M08",
                value = "84.0",
                commentary = "Agency advisers in post; the old phone menu is back.",
            }
        );
        Assert.Equal(EscalationState.Closed, StateOf(await Cs02OctoberAsync())); // November closed it

        var told = await CorrectAsync("60.0");

        // October was worse than thought, but the spell is over: November is back within tolerance.
        Assert.Equal(EscalationState.Closed, StateOf(await Cs02OctoberAsync()));
        Assert.DoesNotContain("reopened", told, StringComparison.Ordinal);
        Assert.Equal(1, RaisedCardsToPriya());
    }

    /// <summary>
    /// Any sequence of corrections ends with the state its last figure calls for: Red, an escalation not closed; back
    /// within tolerance, closed. Each round's card goes once: as many cards as the escalation has rounds.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task AnySequenceOfCorrections_EndsAsTheLastFigureCallsFor(int seed)
    {
        await InstallAsync();
        await RecordRedAsync();
        var random = new Random(seed);
        string[] values = [Red, Green, "78.0", "60.4", "90.0", "75.9"];
        for (var step = 0; step < 7; step++)
        {
            var value = values[random.Next(values.Length)];
            await CorrectAsync(value, $"correction {step} from the checked return");

            var figure = (await new ResultStore(Storage.Tables).GetAsync(Cs02, October, default))!;
            var escalation = (await Cs02OctoberAsync())!.Escalation;
            if (figure.Rag == Domain.Status.RagStatus.Red)
            {
                Assert.NotEqual(EscalationState.Closed, escalation.State);
                Assert.Equal(EscalationTrigger.Red, escalation.Trigger);
            }
            else if (EscalationRules.IsBackWithinTolerance(figure))
            {
                Assert.Equal(EscalationState.Closed, escalation.State);
            }

            Assert.Equal(escalation.Round, RaisedCardsToPriya());
        }
    }
}
