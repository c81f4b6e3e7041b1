using PmfBot.Domain.Catalogue;
using PmfBot.Domain.People;

namespace PmfBot.Domain.Tests.People;

public class PeopleWhoLeaveTests
{
    private static readonly PersonId Sam = PersonId.Parse("sam@council.gov.uk");
    private static readonly PersonId Dan = PersonId.Parse("dan@council.gov.uk");
    private static readonly PersonId Fiona = PersonId.Parse("fiona@council.gov.uk");
    private static readonly DateTimeOffset Left = DateTimeOffset.Parse("2026-06-01T09:00Z");

    private static Measure Measure(
        string reference,
        PersonId owner,
        PersonId escalationOwner,
        PersonId? standIn = null,
        params PersonId[] delegates
    ) =>
        TestMeasures.Make(reference) with
        {
            Owner = owner,
            EscalationOwner = escalationOwner,
            StandIn = standIn,
            Delegates = delegates,
        };

    private static PlanActivity Activity(string code, PersonId owner, PlanActivityStatus status) =>
        new()
        {
            Code = code,
            Title = code,
            ServiceCode = "waste",
            Owner = owner,
            DueDate = new DateOnly(2027, 3, 31),
            Status = status,
        };

    private static CouncilCatalogue Council =>
        CouncilCatalogue.Empty with
        {
            Departments = [new Department("place", "Place", Dan)],
            Services = [new Service("waste", "Waste", "place", Sam), new Service("housing", "Housing", "place", Fiona)],
            Measures =
            [
                Measure("WM 02", Sam, Dan),
                Measure("WM 01", Sam, Dan),
                Measure("HS 01", Fiona, Sam),
                Measure("HS 02", Fiona, Dan, standIn: Sam),
                Measure("HS 03", Fiona, Dan),
            ],
            Activities =
            [
                Activity("food-waste", Sam, PlanActivityStatus.OnTrack),
                Activity("done-thing", Sam, PlanActivityStatus.Completed),
            ],
        };

    [Fact]
    public void OwnerlessWork_IsEveryRoleTheyFilled_InOrder_LeavingOutWhatIsFinished()
    {
        var work = OwnerlessWork.Of(Council, Sam);

        Assert.Equal(["HS 02", "WM 01", "WM 02"], work.Owned.Select(m => m.Reference.Value)); // a stand-in too
        Assert.Equal(["HS 01"], work.EscalatedTo.Select(m => m.Reference.Value));
        Assert.Equal(["food-waste"], work.Activities.Select(a => a.Code)); // a completed activity needs nobody
        Assert.Equal(["waste"], work.ServicesHeaded.Select(s => s.Code));
        Assert.Empty(work.DepartmentsLed);
        Assert.Equal(["place"], OwnerlessWork.Of(Council, Dan).DepartmentsLed.Select(d => d.Code));
    }

    [Fact]
    public void SomeoneOnlyADelegate_IsStillNamed_AndSomeoneInNoRole_IsNot()
    {
        var council = Council with
        {
            Measures = [Measure("HS 03", Fiona, Dan, null, PersonId.Parse("ann@council.gov.uk"))],
        };

        Assert.True(OwnerlessWork.Of(council, PersonId.Parse("ann@council.gov.uk")).IsEmpty);
        Assert.True(OwnerlessWork.StillNamed(council, PersonId.Parse("ann@council.gov.uk")));
        Assert.False(OwnerlessWork.StillNamed(council, PersonId.Parse("nobody@council.gov.uk")));
    }

    [Theory]
    [InlineData(89, false, false)] // their days are not up
    [InlineData(90, false, true)]
    [InlineData(400, true, false)] // the catalogue still names them: the record keeps them from being prompted
    public void ALeaverIsForgotten_OnceTheirDaysAreUp_AndNothingNamesThem(
        int daysSince,
        bool stillNamed,
        bool forgotten
    )
    {
        var rules = new PersonalDataRetention(EndedCoverDays: 30, LeaverDays: 90);
        var leaver = new Leaver(Sam, "Sam", Left, LeavingReason.AccountDisabled, []);

        Assert.Equal(forgotten, rules.Forgets(leaver, stillNamed, Left.AddDays(daysSince)));
    }

    [Fact]
    public void EndedCover_IsKeptForItsDays_CountedInUkDays()
    {
        var rules = new PersonalDataRetention(EndedCoverDays: 30, LeaverDays: 90);

        // 23:30 UTC on 31 May is 00:30 on 1 June in London: the UK day counts.
        Assert.Equal(new DateOnly(2026, 5, 2), rules.CoverEndedBefore(DateTimeOffset.Parse("2026-05-31T23:30Z")));
    }
}
