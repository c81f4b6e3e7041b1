using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.Status;
using PmfBot.Features.Demo;
using PmfBot.Testing;
using YamlDotNet.RepresentationModel;

namespace PmfBot.Tests.Demo;

public class DemoCouncilTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 22);

    [Fact]
    public void Catalogue_HasAllTwentyFiveIndicatorsFromTheDemoFacts()
    {
        string[] expected =
        [
            "NI 192", "NI 191", "WM 03", "SS 01", "NI 195a", "PL 157a", "PL 157b", "PL 157c", "PP 01", "EC 01", "RB 01", "RB 02", "RB 03",
            "RB 04", "HS 01", "HS 02", "HS 03", "HS 04", "HR 01", "IG 01", "CS 01", "CS 02", "FI 01", "EH 01", "LE 01",
        ];
        Assert.Equal(expected, DemoCouncil.Measures.Select(m => m.Measure.Reference.Value));
        Assert.Equal(3, DemoCouncil.Departments.Count);
        Assert.Equal(13, DemoCouncil.Services.Count);
        Assert.Equal(4, DemoCouncil.Activities.Count); // the three of the demo facts, and Priya's audit actions so the Playground user has one
    }

    [Fact]
    public void Catalogue_IsConsistent_EveryReferenceResolves()
    {
        var catalogue = DemoCouncil.Catalogue;
        foreach (var measure in catalogue.Measures)
        {
            var service = catalogue.FindService(measure.ServiceCode);
            Assert.NotNull(service);
            var department = catalogue.FindDepartment(service.DepartmentCode)!;
            Assert.Equal(department.ChiefOfficer, measure.EscalationOwner);
            Assert.NotNull(catalogue.FindPerson(measure.Owner));
            Assert.All(measure.PriorityCodes, code => Assert.Contains(catalogue.Priorities, p => p.Code == code));
        }

        Assert.All(catalogue.Services, s => Assert.NotNull(catalogue.FindPerson(s.HeadOfService!.Value)));
    }

    [Fact]
    public void Catalogue_ProfiledTargets_ClimbThroughTheYear()
    {
        var rb03 = DemoCouncil.Catalogue.FindMeasure(MeasureReference.Parse("RB 03"))!;
        Assert.Equal(29.0m, rb03.Targets.For(ReportingPeriod.Parse("Jun 2026")));
        Assert.Equal(56.3m, rb03.Targets.For(ReportingPeriod.Parse("Sep 2026")));
        Assert.Equal(97.5m, rb03.Targets.For(ReportingPeriod.Parse("Mar 2027")));
    }

    [Fact]
    public void Playground_PeopleAreTheDemoCouncilsPeople()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Repo.Path("infra", "playground", ".m365agentsplayground.yml"))));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var users = new[] { (YamlMappingNode)root["currentUser"] }.Concat(((YamlSequenceNode)root["users"]).Cast<YamlMappingNode>()).ToList();

        Assert.Equal(6, users.Count); // the Playground allows the current user and exactly five others
        var fromYaml = users.Select(u => (Name: u["name"].ToString(), Email: u["email"].ToString(), Upn: u["userPrincipleName"].ToString(), Aad: u["aadObjectId"].ToString())).ToList();
        Assert.Equal(DemoPeople.All.Select(p => (p.Name, p.Id.Value, p.Id.Value, p.AadObjectId!)), fromYaml);
        Assert.Equal(DemoPeople.PriyaShah.AadObjectId, ((YamlMappingNode)root["currentUser"])["aadObjectId"].ToString());
    }

    [Fact]
    public void CurrentUser_OwnsMeasures_AndIsChiefOfficerOfADepartmentWithOneOfThem()
    {
        var priya = DemoPeople.PriyaShah.Id;
        var catalogue = DemoCouncil.Catalogue;
        var owned = catalogue.Measures.Where(m => m.Owner == priya).ToList();
        var led = catalogue.Departments.Where(d => d.ChiefOfficer == priya).Select(d => d.Code).ToList();

        Assert.NotEmpty(owned);
        Assert.NotEmpty(led);
        // The escalation journey can then be seen in one chat: Priya owns a measure whose escalation owner is Priya.
        Assert.Contains(owned, m => m.EscalationOwner == priya);
        Assert.Contains(catalogue.Measures, m => m.Delegates.Contains(priya));
    }

    [Fact]
    public void History_TwoYearsPerMeasure_LatestLeftOpenForTheCurrentUser()
    {
        var history = DemoHistory.Generate(AsOf, DeadlinePolicy.Default, StatusPolicy.Default);

        foreach (var (measure, _) in DemoCouncil.Measures)
        {
            var mine = history.Where(r => r.Measure == measure.Reference).OrderBy(r => r.Period).ToList();
            var latest = measure.LatestEndedPeriodAsOf(AsOf);
            var expected = 2 * measure.PeriodKind.PerYear() - (DemoHistory.LeftOpen(measure) ? 1 : 0);
            Assert.Equal(expected, mine.Count);
            Assert.Equal(!DemoHistory.LeftOpen(measure), mine[^1].Period == latest);
            Assert.All(mine, r => Assert.Equal(measure.Owner, r.RecordedBy));
            Assert.All(mine, r => Assert.True(UkTime.DateAt(r.RecordedAt) <= DeadlinePolicy.Default.DeadlineFor(measure, r.Period).Date, "recorded on time"));
        }

        Assert.All(DemoCouncil.Measures.Where(m => m.Measure.Owner == DemoPeople.PriyaShah.Id), m => Assert.True(DemoHistory.LeftOpen(m.Measure)));
    }

    [Fact]
    public void History_ShowsEveryStatus_AndCarriesActionNotesWhereThePmfRequiresThem()
    {
        var history = DemoHistory.Generate(AsOf, DeadlinePolicy.Default, StatusPolicy.Default);

        var latestStatuses = history.GroupBy(r => r.Measure).Select(g => g.MaxBy(r => r.Period)!.Rag).ToList();
        Assert.Contains(RagStatus.Red, latestStatuses);
        Assert.Contains(RagStatus.Amber, latestStatuses);
        Assert.Contains(RagStatus.Green, latestStatuses);
        Assert.Contains(null, latestStatuses); // HS 01 has no target
        Assert.All(history, r => Assert.False(string.IsNullOrWhiteSpace(r.Commentary)));
        Assert.All(history.Where(r => r.Rag is RagStatus.Amber or RagStatus.Red), r => Assert.NotNull(r.ActionNote));
        Assert.All(history.Where(r => r.Rag is null && r.VsPrevious == DirectionOfTravel.Worse), r => Assert.NotNull(r.ActionNote));
        Assert.All(history, r => Assert.True(r.Value >= 0));
        Assert.All(history.Where(r => r.Thresholds is { } t && DemoCouncil.Catalogue.FindMeasure(r.Measure)!.Unit.Kind == UnitKind.Percentage), r => Assert.True(r.Value <= 100));
    }

    [Fact]
    public void History_IsTheSameEveryTime() =>
        Assert.Equal(
            DemoHistory.Generate(AsOf, DeadlinePolicy.Default, StatusPolicy.Default),
            DemoHistory.Generate(AsOf, DeadlinePolicy.Default, StatusPolicy.Default));

    [Fact]
    public void History_BeforeADeadline_LeavesThatPeriodOpenForEveryone()
    {
        // 7 Oct 2026: Q2 has ended, its deadline (10 Oct) is three days away.
        var asOf = new DateOnly(2026, 10, 7);
        var history = DemoHistory.Generate(asOf, DeadlinePolicy.Default, StatusPolicy.Default);

        Assert.DoesNotContain(history, r => r.Period == ReportingPeriod.Parse("Q2 2026/27"));
        Assert.DoesNotContain(history, r => r.Period == ReportingPeriod.Parse("Sep 2026"));
        Assert.Contains(history, r => r.Period == ReportingPeriod.Parse("Q1 2026/27"));
    }
}
