using PmfBot.Domain.Catalogue;

namespace PmfBot.Domain.Tests.Catalogue;

/// <summary>The framework's line of sight on the Performance tab: each role adds what it may see.</summary>
public class MeasureSightTests
{
    private static readonly Person Chief = new(PersonId.Parse("chief@demo.gov.uk"), "Chief");
    private static readonly Person Head = new(PersonId.Parse("head@demo.gov.uk"), "Head");
    private static readonly Person Owner = new(PersonId.Parse("owner@demo.gov.uk"), "Owner");
    private static readonly Person Delegate = new(PersonId.Parse("delegate@demo.gov.uk"), "Delegate");
    private static readonly Person Deciding = new(PersonId.Parse("deciding@demo.gov.uk"), "Deciding");
    private static readonly Person Analyst = new(PersonId.Parse("analyst@demo.gov.uk"), "Analyst");
    private static readonly Person Nobody = new(PersonId.Parse("nobody@demo.gov.uk"), "Nobody");

    private static readonly CouncilCatalogue Council = new(
        [new Department("place", "Place", Chief.Id), new Department("resources", "Resources", Deciding.Id)],
        [
            new Service("waste", "Waste", "place", Head.Id),
            new Service("housing", "Housing", "place"),
            new Service("finance", "Finance", "resources"),
        ],
        [],
        [Chief, Head, Owner, Delegate, Deciding, Analyst, Nobody],
        [
            Measure("WM 01", "waste", Owner.Id),
            Measure("WM 02", "waste", Head.Id),
            Measure("HS 01", "housing", Owner.Id) with
            {
                Delegates = [Delegate.Id],
            },
            Measure("HS 02", "housing", Head.Id),
            Measure("FI 01", "finance", Head.Id) with
            {
                EscalationOwner = Owner.Id,
            },
        ],
        []
    );

    private static Measure Measure(string reference, string service, PersonId owner) =>
        TestMeasures.Make(reference) with
        {
            ServiceCode = service,
            Owner = owner,
            EscalationOwner = Chief.Id,
        };

    public static TheoryData<string, SightReach, string[]> Roles =>
        new()
        {
            // The Chief Officer of Place: every measure of Waste and Housing.
            { "chief", SightReach.Department, ["WM 01", "WM 02", "HS 01", "HS 02"] },
            // Head of Waste: Waste; owner of HS 02 and FI 01 too, so their services.
            { "head", SightReach.Service, ["WM 01", "WM 02", "HS 01", "HS 02", "FI 01"] },
            // An owner sees the services of what they update, and a measure they are only escalation owner of.
            { "owner", SightReach.Service, ["WM 01", "WM 02", "HS 01", "HS 02", "FI 01"] },
            // A delegate updates HS 01: Housing.
            { "delegate", SightReach.Service, ["HS 01", "HS 02"] },
            // Chief Officer of a department: all of it.
            { "deciding", SightReach.Department, ["FI 01"] },
            { "analyst", SightReach.Council, ["WM 01", "WM 02", "HS 01", "HS 02", "FI 01"] },
            { "nobody", SightReach.OwnMeasures, [] },
        };

    [Theory]
    [MemberData(nameof(Roles))]
    public void EachRole_SeesWhatTheFrameworkGivesIt(string who, SightReach reach, string[] measures)
    {
        var person = Council.People.Single(p => p.Id.Value.StartsWith(who + "@", StringComparison.Ordinal));

        var sight = MeasureSight.Of(person, Council, [Analyst.Id]);

        Assert.Equal(reach, sight.Reach);
        Assert.Equal(measures, sight.Measures.Select(m => m.Reference.Value));
        Assert.All(measures, m => Assert.True(sight.MaySee(MeasureReference.Parse(m))));
    }

    [Fact]
    public void AnEscalationOwnerWithoutAService_SeesJustTheMeasuresTheyDecide()
    {
        var council = Council with
        {
            Measures =
            [
                Measure("WM 01", "waste", Head.Id) with
                {
                    EscalationOwner = Nobody.Id,
                },
                Measure("WM 02", "waste", Head.Id),
            ],
        };

        var sight = MeasureSight.Of(Nobody, council, []);

        Assert.Equal(SightReach.OwnMeasures, sight.Reach);
        Assert.Equal(["WM 01"], sight.Measures.Select(m => m.Reference.Value));
        Assert.False(sight.MaySee(MeasureReference.Parse("WM 02")));
    }
}
