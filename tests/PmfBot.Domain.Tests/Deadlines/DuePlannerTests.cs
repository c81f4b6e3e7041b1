using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;

namespace PmfBot.Domain.Tests.Deadlines;

public class DuePlannerTests
{
    private static readonly PersonId HeadOfWaste = PersonId.Parse("head.of.waste@demo.gov.uk");
    private static readonly Service Waste = new("waste", "Waste", "place", HeadOfWaste);

    private static readonly Measure Quarterly = TestMeasures.Make();                                       // NI 192, deadline 10th
    private static readonly Measure Monthly = TestMeasures.Make("WM 03", frequency: Frequency.Monthly);

    private static List<DueAction> Due(string now, Measure? measure = null, Func<Measure, ReportingPeriod, bool>? answered = null,
        IEnumerable<DeadlineExtension>? extensions = null, IReadOnlyList<Service>? services = null, IReadOnlyDictionary<PersonId, PersonId>? lineManagers = null) =>
        [.. DuePlanner.DueAt(
            [measure ?? Quarterly],
            services ?? [Waste],
            answered ?? ((_, _) => false),
            (_, _) => extensions ?? [],
            DateTimeOffset.Parse(now),
            UpdateCyclePolicy.Default,
            lineManagers)];

    private static string Describe(IEnumerable<DueAction> actions) =>
        string.Join(", ", actions.Select(a => $"{a.Period} {a.Step.Key} → {a.Recipient.Value.Split('@')[0]}"));

    // Q2 2025/26: ends Tue 30 Sep 2025, deadline Fri 10 Oct 2025.
    [Theory]
    [InlineData("2025-09-30T12:00:00Z", "")]                                                          // Q2 not over yet
    [InlineData("2025-10-01T08:00:00Z", "Q2 2025/26 prompt → sam.taylor")]                            // 09:00 BST on period end
    [InlineData("2025-10-08T08:00:00Z", "Q2 2025/26 reminder-3 → sam.taylor")]
    [InlineData("2025-10-10T08:00:00Z", "Q2 2025/26 due-today → sam.taylor")]
    [InlineData("2025-10-15T08:00:00Z", "Q2 2025/26 overdue-5 → sam.taylor")]
    [InlineData("2025-10-17T08:00:00Z", "Q2 2025/26 overdue-5 → sam.taylor, Q2 2025/26 chase-7 → head.of.waste")] // 10 Oct + 7 = Fri 17 Oct
    public void DueAt_QuarterlyMeasure_StepByStep(string now, string expected) =>
        Assert.Equal(expected, Describe(Due(now, answered: (_, p) => p != ReportingPeriod.Parse("Q2 2025/26"))));

    [Fact]
    public void DueAt_AMissingUpdatePastTheLookback_IsLeftForEscalation()
    {
        // Q1 2025/26's deadline was 10 Jul; on 10 Sep it is 62 days late, past the 60-day lookback.
        Assert.Empty(Due("2025-09-10T12:00:00Z"));
        Assert.Equal("Q1 2025/26 overdue-5 → sam.taylor, Q1 2025/26 chase-7 → head.of.waste", Describe(Due("2025-09-08T12:00:00Z")));
    }

    [Fact]
    public void DueAt_Answered_NothingToSend() =>
        Assert.Empty(Due("2025-10-15T08:00:00Z", answered: (_, _) => true));

    [Fact]
    public void DueAt_MeasureNotActiveForThePeriod_NothingToSend() =>
        Assert.Empty(Due("2025-10-15T08:00:00Z", measure: Quarterly with { ActiveFrom = new DateOnly(2025, 10, 1) }));

    [Fact]
    public void DueAt_NoHeadOfService_ChasesTheEscalationOwner()
    {
        var actions = Due("2025-10-17T08:00:00Z", answered: (_, p) => p != ReportingPeriod.Parse("Q2 2025/26"), services: [Waste with { HeadOfService = null }]);

        Assert.Equal(TestMeasures.Chief, actions.Single(a => a.Step.Kind == PromptKind.Chase).Recipient);
    }

    private static readonly PersonId OwnersManager = PersonId.Parse("line.manager@demo.gov.uk");

    [Theory]
    [InlineData(false, false, "line.manager")]      // no Head of Service: the directory's line manager
    [InlineData(true, false, "head.of.waste")]      // a Head of Service is configured: they are chased, whoever the manager is
    [InlineData(false, true, "priya.shah")]         // the directory names the owner as their own manager: the escalation owner
    public void DueAt_LineManager_IsChasedOnlyWhereTheServiceHasNoHead(bool headConfigured, bool managerIsOwner, string chased)
    {
        var managers = new Dictionary<PersonId, PersonId> { [Quarterly.Owner] = managerIsOwner ? Quarterly.Owner : OwnersManager };
        var actions = Due("2025-10-17T08:00:00Z", answered: (_, p) => p != ReportingPeriod.Parse("Q2 2025/26"),
            services: [headConfigured ? Waste : Waste with { HeadOfService = null }], lineManagers: managers);

        Assert.Equal(chased, actions.Single(a => a.Step.Kind == PromptKind.Chase).Recipient.Value.Split('@')[0]);
    }

    [Fact]
    public void DueAt_NoHeadOfService_AndNoManagerKnownForThisOwner_ChasesTheEscalationOwner()
    {
        var managers = new Dictionary<PersonId, PersonId> { [PersonId.Parse("someone.else@demo.gov.uk")] = OwnersManager };

        var actions = Due("2025-10-17T08:00:00Z", answered: (_, p) => p != ReportingPeriod.Parse("Q2 2025/26"), services: [Waste with { HeadOfService = null }], lineManagers: managers);

        Assert.Equal(TestMeasures.Chief, actions.Single(a => a.Step.Kind == PromptKind.Chase).Recipient);
    }

    [Fact]
    public void DueAt_OwnerIsAlsoTheEscalationOwner_AndTheServiceHasNoHead_TheirLineManagerIsChased()
    {
        var selfOwned = Quarterly with { EscalationOwner = Quarterly.Owner };
        var managers = new Dictionary<PersonId, PersonId> { [Quarterly.Owner] = OwnersManager };

        var actions = Due("2025-10-17T08:00:00Z", measure: selfOwned, answered: (_, p) => p != ReportingPeriod.Parse("Q2 2025/26"), services: [Waste with { HeadOfService = null }], lineManagers: managers);

        Assert.Equal(OwnersManager, actions.Single(a => a.Step.Kind == PromptKind.Chase).Recipient);
    }

    [Fact]
    public void DueAt_OwnerIsTheirOwnHeadOfService_ChasesTheEscalationOwnerInstead()
    {
        var actions = Due("2025-10-17T08:00:00Z", answered: (_, p) => p != ReportingPeriod.Parse("Q2 2025/26"), services: [Waste with { HeadOfService = Quarterly.Owner }]);

        Assert.Equal(TestMeasures.Chief, actions.Single(a => a.Step.Kind == PromptKind.Chase).Recipient);
    }

    [Fact]
    public void DueAt_OwnerIsAlsoTheEscalationOwner_NobodyElseToChase()
    {
        var selfOwned = Quarterly with { EscalationOwner = Quarterly.Owner };

        var actions = Due("2025-10-17T08:00:00Z", measure: selfOwned, answered: (_, p) => p != ReportingPeriod.Parse("Q2 2025/26"), services: [Waste with { HeadOfService = Quarterly.Owner }]);

        Assert.DoesNotContain(actions, a => a.Step.Kind == PromptKind.Chase);
        Assert.Single(actions); // the owner's own overdue chaser still goes
    }

    [Fact]
    public void DueAt_MonthlyMeasure_EveryUnansweredMonthWithinTheLookback()
    {
        // 22 Nov 2026: Oct (deadline 10 Nov) and Sep (10 Oct) are missing; Aug (10 Sep) is 73 days late, past the lookback.
        var actions = Due("2026-11-22T10:00:00Z", measure: Monthly);

        Assert.Equal("Oct 2026 overdue-5 → sam.taylor, Oct 2026 chase-7 → head.of.waste, Sep 2026 overdue-5 → sam.taylor, Sep 2026 chase-7 → head.of.waste", Describe(actions));
    }

    [Fact]
    public void DueAt_ApprovedExtension_RemindersFollowTheNewDeadline()
    {
        var period = ReportingPeriod.Parse("Q2 2025/26");
        var extension = new DeadlineExtension
        {
            Id = "x", Measure = Quarterly.Reference, Period = period, NewDeadline = new DateOnly(2025, 10, 24),
            Reason = "Contractor data late", RequestedBy = TestMeasures.Owner, RequestedAt = DateTimeOffset.Parse("2025-10-06T09:00Z"),
        }.Decide(true, TestMeasures.Chief, DateTimeOffset.Parse("2025-10-07T09:00Z"), null);

        var actions = Due("2025-10-15T08:00:00Z", answered: (_, p) => p != period, extensions: [extension]);

        var action = Assert.Single(actions);
        Assert.Equal("prompt", action.Step.Key); // not overdue: the deadline is now 24 Oct, the 3-day reminder is on 21 Oct
        Assert.Equal(new DateOnly(2025, 10, 24), action.Deadline.Date);
    }

    // Q2 2025/26 is due Fri 10 Oct 2025; the scan runs at 09:00 BST each day and claims each step before sending it.
    private static List<string> SentDayByDay(DateTimeOffset agreed, DateOnly newDeadline)
    {
        var period = ReportingPeriod.Parse("Q2 2025/26");
        var extension = new DeadlineExtension
        {
            Id = "x", Measure = Quarterly.Reference, Period = period, NewDeadline = newDeadline,
            Reason = "Contractor data late", RequestedBy = TestMeasures.Owner, RequestedAt = agreed.AddHours(-2),
        }.Decide(true, TestMeasures.Chief, agreed, null);
        var claimed = new HashSet<string>();
        var sent = new List<string>();
        for (var day = new DateOnly(2025, 10, 1); day <= new DateOnly(2025, 11, 20); day = day.AddDays(1))
        {
            var now = UkTime.At(day, new TimeOnly(9, 30));
            var agreedBy = now >= agreed ? new[] { extension } : [];
            foreach (var action in Due(now.ToString("O"), answered: (_, p) => p != period, extensions: agreedBy))
            {
                if (claimed.Add(action.ClaimKey))
                {
                    sent.Add($"{day:dd MMM} {action.Step.Key}");
                }
            }
        }

        return sent;
    }

    [Fact]
    public void DueAt_ExtensionAfterTheFirstReminder_EveryStepForTheNewDeadlineGoesOnce_AndTheOldOnesStop() =>
        Assert.Equal(
            [
                "01 Oct prompt", "07 Oct reminder-3",                           // for Fri 10 Oct
                "21 Oct reminder-3@2025-10-24", "24 Oct due-today@2025-10-24", // agreed Thu 9 Oct: Fri 24 Oct
                "27 Oct overdue-1@2025-10-24", "29 Oct overdue-5@2025-10-24", "31 Oct chase-7@2025-10-24",
            ],
            SentDayByDay(UkTime.At(new DateOnly(2025, 10, 9), new TimeOnly(12, 0)), new DateOnly(2025, 10, 24)));

    [Fact]
    public void DueAt_ExtensionAgreedAfterTheOldDeadline_NoLateReminderForTheNew_ThenItsOwnSteps() =>
        Assert.Equal(
            [
                "01 Oct prompt", "07 Oct reminder-3", "10 Oct due-today", "13 Oct overdue-1", // 11 Oct is a Saturday
                "15 Oct overdue-5", "17 Oct chase-7",
                "24 Oct due-today@2025-10-24", "27 Oct overdue-1@2025-10-24",                // agreed Wed 22 Oct
                "29 Oct overdue-5@2025-10-24", "31 Oct chase-7@2025-10-24",
            ],
            SentDayByDay(UkTime.At(new DateOnly(2025, 10, 22), new TimeOnly(12, 0)), new DateOnly(2025, 10, 24)));

    [Fact]
    public void DueAt_ClaimKeys_NameMeasurePeriodAndStep_AndNeverRepeat()
    {
        var actions = Due("2026-11-22T10:00:00Z", measure: Monthly);

        Assert.Contains("WM 03|FY2026-M07|overdue-5", actions.Select(a => a.ClaimKey));
        Assert.Equal(actions.Count, actions.Select(a => a.ClaimKey).Distinct().Count());
    }

    [Fact]
    public void DueAt_TheSameInputs_TheSameActions() =>
        Assert.Equal(Describe(Due("2026-11-22T10:00:00Z", measure: Monthly)), Describe(Due("2026-11-22T10:00:00Z", measure: Monthly)));
}
