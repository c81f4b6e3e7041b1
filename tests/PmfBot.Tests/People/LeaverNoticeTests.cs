using PmfBot.Domain.Catalogue;
using PmfBot.Domain.People;
using PmfBot.Features.Demo;
using PmfBot.Features.People;

namespace PmfBot.Tests.People;

public class LeaverNoticeTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse(
        "2026-11-07T09:00Z",
        System.Globalization.CultureInfo.InvariantCulture
    );

    [Fact]
    public void ANameWithMarkdownInIt_IsWrittenAsTyped()
    {
        var leaver = new Leaver(
            PersonId.Parse("ana_maria@northmere.gov.uk"),
            "*Acting* Ana_Maria",
            At,
            LeavingReason.AccountDisabled,
            []
        );

        var text = LeaverNotice.Text(leaver, OwnerlessWork.Of(CouncilCatalogue.Empty, leaver.Person), 0);

        Assert.StartsWith(
            @"**\*Acting\* Ana\_Maria has left** (ana\_maria@northmere.gov.uk)",
            text,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "The catalogue names them in no role, so nothing needs a new owner.",
            text,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void ALongList_StopsAtTwentyLines_AndSaysHowManyMore()
    {
        var sam = DemoPeople.SamTaylor;
        var leaver = new Leaver(sam.Id, sam.Name, At, LeavingReason.RemovedFromDirectory, []);
        var template = DemoCouncil.Catalogue.Measures[0];
        var owned = Enumerable
            .Range(1, 25)
            .Select(i => template with { Reference = MeasureReference.Parse($"WM {i:00}"), Owner = sam.Id })
            .ToList();
        var work = OwnerlessWork.Of(DemoCouncil.Catalogue with { Measures = owned }, sam.Id);
        // and his activity, and the services he heads
        var lines = work.Owned.Count + work.Activities.Count + work.ServicesHeaded.Count;

        var text = LeaverNotice.Text(leaver, work, 1);

        Assert.Equal(
            LeaverNotice.MaxLines + 1,
            text.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal))
        );
        Assert.Contains($"- and {lines - LeaverNotice.MaxLines} more", text, StringComparison.Ordinal);
        Assert.Contains("ended the delegation they gave or held", text, StringComparison.Ordinal);
    }
}
