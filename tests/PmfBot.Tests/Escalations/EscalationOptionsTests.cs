using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Escalations;
using PmfBot.Features.Escalations;

namespace PmfBot.Tests.Escalations;

public class EscalationOptionsTests
{
    [Fact]
    public void AMeasuresOwnPolicy_OverridesOnlyWhatItSets_OverTheCouncils()
    {
        var options = new EscalationOptions
        {
            Policy = new() { ChaseAfterDays = 2, RaiseAfterDays = 5 },
            Measures = { ["NI 192"] = new() { EscalateRed = false, OverdueDays = -1 } },
            Deputies = { ["Priya.Shah@northmere.gov.uk"] = ["fiona.grant@northmere.gov.uk"] },
        };

        var policies = options.ToPolicies();

        Assert.Equal(EscalationPolicy.Default with { ChaseAfterDays = 2, RaiseAfterDays = 5 }, policies.Council);
        Assert.Equal(EscalationPolicy.Default with { ChaseAfterDays = 2, RaiseAfterDays = 5, EscalateRed = false, OverdueDays = null }, policies.PerMeasure[MeasureReference.Parse("ni 192")]);
        Assert.Equal([PersonId.Parse("fiona.grant@northmere.gov.uk")], options.DeputiesOf(PersonId.Parse("priya.shah@northmere.gov.uk"))); // ids compare without case
    }
}
