using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Escalations;

namespace PmfBot.Domain.Tests.Escalations;

public class EscalationTests
{
    private static readonly PersonId Deputy = PersonId.Parse("deputy@demo.gov.uk");
    private static readonly DateTimeOffset Raised = UkTime.At(new DateOnly(2026, 11, 9), new TimeOnly(10, 0));
    private static readonly DateOnly Today = new(2026, 11, 9);

    private static Escalation Open() => new()
    {
        Subject = MeasureReference.Parse("NI 192"),
        Period = ReportingPeriod.Parse("FY2026-Q2"),
        Trigger = EscalationTrigger.Red,
        EscalationOwner = TestMeasures.Chief,
        Owner = TestMeasures.Owner,
        RaisedAt = Raised,
        ProposedAction = "Agency crews on the east rounds.",
    };

    private static EscalationDecision By(DecisionKind kind, string? note = null, DateOnly? until = null) => new(kind, TestMeasures.Chief, Raised.AddHours(1), note, until);

    [Fact]
    public void OnlyTheEscalationOwnerOrTheirDeputy_Decides()
    {
        Assert.True(Open().MayBeDecidedBy(TestMeasures.Chief, []));
        Assert.True(Open().MayBeDecidedBy(Deputy, [Deputy]));
        Assert.False(Open().MayBeDecidedBy(TestMeasures.Owner, [Deputy]));
    }

    [Theory]
    [InlineData(DecisionKind.ApproveAction, null, null, null)]
    [InlineData(DecisionKind.ApproveAction, null, "2026-11-09", "The date must be after today.")]
    [InlineData(DecisionKind.AllocateResource, " ", null, "Say what resource is allocated")]
    [InlineData(DecisionKind.AskForInformation, null, null, "Say what you'd like to know")]
    [InlineData(DecisionKind.Stop, "", null, "Give a reason for stopping it")]
    [InlineData(DecisionKind.AcceptRisk, "Seasonal dip.", null, "Give the date the risk is accepted until")]
    [InlineData(DecisionKind.AcceptRisk, "Seasonal dip.", "2027-01-31", null)]
    public void ProblemWith_AsksForWhatEachDecisionNeeds(DecisionKind kind, string? note, string? until, string? problem)
    {
        var found = Open().ProblemWith(kind, note, until is null ? null : DateOnly.Parse(until), Today);

        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.StartsWith(problem, found, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AQuestion_KeepsItOpen_AndTheAnswerIsNotChased_ADecisionSettlesIt()
    {
        var asked = Open().Decide(By(DecisionKind.AskForInformation, "Why did the east rounds slip?"));
        Assert.Equal(EscalationState.Open, asked.State);
        Assert.True(asked.IsAwaitingOwner);
        Assert.False(asked.IsDueForChaseAt(Raised.AddDays(5), EscalationPolicy.Default));

        var decided = asked.Decide(By(DecisionKind.ApproveAction, until: new DateOnly(2027, 1, 31)));
        Assert.Equal((EscalationState.Decided, DecisionKind.ApproveAction), (decided.State, decided.Outcome!.Kind));
        Assert.Equal(2, decided.Decisions.Count); // the question stays on record
        Assert.StartsWith("This escalation was already decided", decided.ProblemWith(DecisionKind.Stop, "x", null, Today), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, false, false)]
    [InlineData(3, true, false)]  // ChaseAfterDays = 3
    [InlineData(7, true, true)]   // RaiseAfterDays = 7
    public void AnUndecidedEscalation_IsChased_ThenRaised(int days, bool chase, bool raise)
    {
        var now = Raised.AddDays(days);

        Assert.Equal(chase, Open().IsDueForChaseAt(now, EscalationPolicy.Default));
        Assert.Equal(raise, Open().IsDueForRaiseAt(now, EscalationPolicy.Default));
        Assert.False((Open() with { RaisedToNextLevelAt = now }).IsDueForRaiseAt(now, EscalationPolicy.Default)); // raised once
        Assert.False(Open().Decide(By(DecisionKind.ApproveAction)).IsDueForChaseAt(now, EscalationPolicy.Default));
    }

    [Fact]
    public void FollowUps_WaitFor9OnTheirDay()
    {
        var chaseDay = new DateOnly(2026, 11, 12);

        Assert.False(Open().IsDueForChaseAt(UkTime.At(chaseDay, new TimeOnly(8, 59)), EscalationPolicy.Default));
        Assert.True(Open().IsDueForChaseAt(UkTime.At(chaseDay, new TimeOnly(9, 0)), EscalationPolicy.Default));
        Assert.False(Open().IsDueForRaiseAt(UkTime.At(chaseDay.AddDays(4), new TimeOnly(8, 59)), EscalationPolicy.Default));
        Assert.True(Open().IsDueForRaiseAt(UkTime.At(chaseDay.AddDays(4), new TimeOnly(9, 0)), EscalationPolicy.Default));
    }

    [Fact]
    public void OneEscalationPerMeasureAndPeriod_ByItsKey() =>
        Assert.Equal("NI 192|FY2026-Q2", Open().Key);

    [Fact]
    public void TheOwnersAnswer_EndsTheWait_AndTheDecisionIsTheEscalationOwnersAgain()
    {
        var asked = Open().Decide(By(DecisionKind.AskForInformation, "Why did the east rounds slip?"));
        Assert.Equal("Why did the east rounds slip?", asked.OpenQuestion!.Note);
        Assert.Equal("Please write your answer: it goes to the escalation owner.", asked.ProblemWithAnswer("  "));

        var answered = asked.Answer(new EscalationAnswer(TestMeasures.Owner, Raised.AddDays(1), "  Two crews off sick.  "));

        Assert.False(answered.IsAwaitingOwner);
        Assert.Null(answered.OpenQuestion);
        Assert.Equal("Two crews off sick.", answered.Answers.Single().Text);
        Assert.Equal("There is no question waiting for your answer on this escalation.", answered.ProblemWithAnswer("More."));
        Assert.True(answered.IsDueForChaseAt(Raised.AddDays(3), EscalationPolicy.Default)); // the wait for a decision resumes
        Assert.True(answered.Decide(By(DecisionKind.AskForInformation, "And the west?")).IsAwaitingOwner); // a second question
    }

    [Fact]
    public void WhileTheOwnerOwesAnAnswer_ItIsNeitherChasedNorRaised()
    {
        var asked = Open().Decide(By(DecisionKind.AskForInformation, "Why?"));

        Assert.False(asked.IsDueForRaiseAt(Raised.AddDays(10), EscalationPolicy.Default));
    }

    [Fact]
    public void ADecisionWithAReviewDate_IsDueForReviewFrom9OnThatDay_AndClosingEndsIt()
    {
        var decided = Open().Decide(By(DecisionKind.AcceptRisk, "Seasonal.", new DateOnly(2026, 12, 1)));

        Assert.False(decided.IsDueForReviewAt(UkTime.At(new DateOnly(2026, 12, 1), new TimeOnly(8, 59))));
        Assert.True(decided.IsDueForReviewAt(UkTime.At(new DateOnly(2026, 12, 1), new TimeOnly(9, 0))));
        var stopped = Open().Decide(By(DecisionKind.Stop, "No longer funded.", new DateOnly(2026, 12, 1))); // a date given with a stop has nothing to review
        Assert.Null(stopped.Outcome!.Until);
        Assert.False(stopped.IsDueForReviewAt(UkTime.At(new DateOnly(2026, 12, 1), new TimeOnly(9, 0))));
        Assert.False(Open().Decide(By(DecisionKind.Stop, "No longer funded.")).IsDueForReviewAt(UkTime.At(new DateOnly(2027, 12, 1), new TimeOnly(9, 0))));

        var closed = decided.Close(new EscalationClosure(Raised.AddDays(22), "Reviewed.", TestMeasures.Chief));
        Assert.Equal(EscalationState.Closed, closed.State);
        Assert.False(closed.IsDueForReviewAt(UkTime.At(new DateOnly(2026, 12, 1), new TimeOnly(9, 0))));
        Assert.Equal("This escalation was already closed.", closed.ProblemWith(DecisionKind.ApproveAction, null, null, Today));
        Assert.Equal(DecisionKind.AcceptRisk, closed.Outcome!.Kind); // what was decided stays readable
    }

    [Fact]
    public void Reopening_StartsAFreshRound_KeepsTheOneThatClosed_AndIsANewerRevision()
    {
        var closed = Open()
            .Decide(By(DecisionKind.ApproveAction, "Agency cover.", new DateOnly(2027, 1, 15)))
            .Close(new EscalationClosure(Raised.AddDays(20), "Back within tolerance."));

        var reopened = closed.Reopen(EscalationTrigger.Red, Raised.AddDays(21), "Third adviser.");

        Assert.Equal((EscalationState.Open, 2, 0, "Third adviser.", Raised.AddDays(21)),
            (reopened.State, reopened.Round, reopened.Decisions.Count, reopened.ProposedAction, reopened.RaisedAt));
        Assert.Null(reopened.Closure);
        var round = Assert.Single(reopened.EarlierRounds);
        Assert.Equal(
            (closed.Decisions, closed.Closure, closed.RaisedAt), (round.Decisions, round.Closure, round.RaisedAt));
        Assert.True(reopened.Revision > closed.Revision);
        Assert.Equal(reopened.Key, closed.Key); // still the one escalation of the measure's period
        Assert.Throws<InvalidOperationException>(
            () => reopened.Reopen(EscalationTrigger.Red, Raised.AddDays(22), null));
    }

    [Theory]
    [InlineData(EscalationTrigger.AmberWorsening, EscalationTrigger.Red, true)]
    [InlineData(EscalationTrigger.Red, EscalationTrigger.AmberWorsening, true)]
    [InlineData(EscalationTrigger.Red, EscalationTrigger.Red, false)]
    // An overdue escalation's figure, when it arrives, shows on its card instead.
    [InlineData(EscalationTrigger.Overdue, EscalationTrigger.Red, false)]
    [InlineData(EscalationTrigger.ByHand, EscalationTrigger.Red, false)]  // the owner's reason stands
    public void AFigureReJudges_OnlyTheRulesOwnTriggers(EscalationTrigger was, EscalationTrigger now, bool rejudged)
    {
        var escalation = Open() with { Trigger = was };

        Assert.Equal(rejudged, escalation.IsRejudgedBy(now));
        if (rejudged)
        {
            var changed = escalation.Rejudge(now, Raised.AddHours(2));
            Assert.Equal(
                (now, new EscalationRejudgement(Raised.AddHours(2), was, now)),
                (changed.Trigger, Assert.Single(changed.Rejudgements)));
            Assert.True(changed.Revision > escalation.Revision);
        }
        else
        {
            Assert.Throws<InvalidOperationException>(() => escalation.Rejudge(now, Raised));
        }
    }
}
