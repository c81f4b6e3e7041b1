using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;

namespace PmfBot.Domain.Tests.Catalogue;

public class CatalogueTypesTests
{
    [Theory]
    [InlineData("NI 192", "NI 192")]
    [InlineData("  ni   192 ", "ni 192")]
    [InlineData("PL 157a", "PL 157a")]
    public void MeasureReference_Parse_CollapsesSpaces(string text, string value) =>
        Assert.Equal(value, MeasureReference.Parse(text).Value);

    [Fact]
    public void MeasureReference_ComparesCaseInsensitively() =>
        Assert.Equal(MeasureReference.Parse("pl 157A"), MeasureReference.Parse("PL 157a"));

    [Theory]
    [InlineData("")]
    [InlineData("NI/192")]
    [InlineData("NI#1")]
    [InlineData("A REFERENCE THAT IS FAR TOO LONG")]
    [InlineData("-NI")]
    public void MeasureReference_UnsafeOrEmpty_Refused(string text) => Assert.False(MeasureReference.TryParse(text, out _));

    [Theory]
    [InlineData("Sam.Taylor@Demo.gov.uk", true)]
    [InlineData("sam@demo", false)]
    [InlineData("sam taylor@demo.gov.uk", false)]
    [InlineData("@demo.gov.uk", false)]
    [InlineData("", false)]
    public void PersonId_IsALowerCaseEmail(string text, bool valid)
    {
        Assert.Equal(valid, PersonId.TryParse(text, out var id));
        if (valid)
        {
            Assert.Equal("sam.taylor@demo.gov.uk", id.Value);
        }
    }

    [Theory]
    [InlineData("%", UnitKind.Percentage, "%")]
    [InlineData("percent", UnitKind.Percentage, "%")]
    [InlineData("days", UnitKind.Days, "days")]
    [InlineData("£", UnitKind.Money, "£")]
    [InlineData("kg", UnitKind.Number, "kg")]
    [InlineData("Dwellings", UnitKind.Number, "dwellings")]
    [InlineData("number", UnitKind.Number, "number")]
    public void MeasureUnit_TryParse(string text, UnitKind kind, string label)
    {
        Assert.True(MeasureUnit.TryParse(text, out var unit));
        Assert.Equal(kind, unit.Kind);
        Assert.Equal(label, unit.Label);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("m²/h")]
    public void MeasureUnit_Nonsense_Refused(string text) => Assert.False(MeasureUnit.TryParse(text, out _));

    [Theory]
    [InlineData("%", 42.5, 1, "42.5%")]
    [InlineData("number", 55000, 0, "55,000")]
    [InlineData("visits", 55000, 0, "55,000 visits")]
    [InlineData("£", 1234.5, 2, "£1,234.50")]
    [InlineData("days", 18.25, 1, "18.3 days")]
    public void MeasureUnit_Format(string unit, decimal value, int decimals, string expected)
    {
        Assert.True(MeasureUnit.TryParse(unit, out var u));
        Assert.Equal(expected, u.Format(value, decimals));
    }

    [Theory]
    [InlineData("monthly", Frequency.Monthly)]
    [InlineData("M", Frequency.Monthly)]
    [InlineData("Quarterly", Frequency.Quarterly)]
    [InlineData("half yearly", Frequency.HalfYearly)]
    [InlineData("six-monthly", Frequency.HalfYearly)]
    [InlineData("Annual", Frequency.Annual)]
    public void Frequency_TryParse(string text, Frequency expected)
    {
        Assert.True(FrequencyText.TryParse(text, out var frequency));
        Assert.Equal(expected, frequency);
    }

    [Theory]
    [InlineData("fortnightly")]
    [InlineData("")]
    public void Frequency_Unknown_Refused(string text) => Assert.False(FrequencyText.TryParse(text, out _));

    [Theory]
    [InlineData("5%", true, 5)]
    [InlineData("2.5", false, 2.5)]
    public void Margin_TryParse(string text, bool isPercent, decimal amount)
    {
        Assert.True(Margin.TryParse(text, out var margin));
        Assert.Equal(isPercent, margin.IsPercent);
        Assert.Equal(amount, margin.Amount);
        Assert.Equal(text, margin.ToString());
    }

    [Theory]
    [InlineData("-5%")]
    [InlineData("five")]
    public void Margin_Nonsense_Refused(string text) => Assert.False(Margin.TryParse(text, out _));

    [Theory]
    [InlineData(null, null, "Q2 2026/27", true)]
    [InlineData("2026-09-30", null, "Q2 2026/27", true)]   // active on the period's last day
    [InlineData("2026-10-01", null, "Q2 2026/27", false)]  // starts after it
    [InlineData(null, "2026-09-30", "Q2 2026/27", true)]   // retired on the last day: still reported
    [InlineData(null, "2026-09-29", "Q2 2026/27", false)]  // retired before the last day
    [InlineData(null, null, "Oct 2026", false)]            // a quarterly measure has no monthly periods
    public void Measure_IsReportedFor_ActiveOnThePeriodsLastDay(string? from, string? to, string period, bool expected)
    {
        var measure = TestMeasures.Make() with
        {
            ActiveFrom = from is null ? null : DateOnly.Parse(from),
            ActiveTo = to is null ? null : DateOnly.Parse(to),
        };
        Assert.Equal(expected, measure.IsReportedFor(ReportingPeriod.Parse(period)));
    }

    [Fact]
    public void Measure_MayBeUpdatedBy_OwnerAndDelegatesOnly()
    {
        var delegatePerson = PersonId.Parse("deputy@demo.gov.uk");
        var measure = TestMeasures.Make() with { Delegates = [delegatePerson] };
        Assert.True(measure.MayBeUpdatedBy(TestMeasures.Owner));
        Assert.True(measure.MayBeUpdatedBy(delegatePerson));
        Assert.False(measure.MayBeUpdatedBy(TestMeasures.Chief));
    }

    [Theory]
    [InlineData("2026-11-22", Frequency.Monthly, "Oct 2026")]
    [InlineData("2026-11-22", Frequency.Quarterly, "Q2 2026/27")]
    [InlineData("2026-04-01", Frequency.Quarterly, "Q4 2025/26")]
    [InlineData("2026-11-22", Frequency.Annual, "2025/26")]
    public void Measure_LatestEndedPeriodAsOf(string date, Frequency frequency, string expected) =>
        Assert.Equal(expected, TestMeasures.Make(frequency: frequency).LatestEndedPeriodAsOf(DateOnly.Parse(date)).ToString());

    [Fact]
    public void Activity_OverdueAndMissedMilestones()
    {
        var activity = new PlanActivity
        {
            Code = "food-waste",
            Title = "Roll out food waste collections to all households",
            ServiceCode = "waste",
            Owner = TestMeasures.Owner,
            DueDate = new DateOnly(2027, 3, 31),
            Status = PlanActivityStatus.OnTrack,
            Milestones =
            [
                new Milestone("West of the district", new DateOnly(2026, 9, 30), PlanActivityStatus.Completed),
                new Milestone("East of the district", new DateOnly(2026, 12, 31), PlanActivityStatus.OnTrack),
            ],
        };
        Assert.False(activity.IsOverdueOn(new DateOnly(2027, 3, 31)));
        Assert.True(activity.IsOverdueOn(new DateOnly(2027, 4, 1)));
        Assert.Empty(activity.MissedMilestonesOn(new DateOnly(2026, 12, 31)));
        Assert.Single(activity.MissedMilestonesOn(new DateOnly(2027, 1, 1)));
        Assert.False((activity with { Status = PlanActivityStatus.Completed }).IsOverdueOn(new DateOnly(2027, 4, 1)));
    }

    [Theory]
    [InlineData("Revenues & Benefits", "revenues-benefits")]
    [InlineData("  Street Scene ", "street-scene")]
    public void CatalogueCode_FromName(string name, string code) => Assert.Equal(code, CatalogueCode.FromName(name));
}
