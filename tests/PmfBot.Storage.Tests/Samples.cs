using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.Results;
using PmfBot.Domain.Status;

namespace PmfBot.Storage.Tests;

internal static class Samples
{
    public static readonly PersonId Owner = PersonId.Parse("sam.taylor@demo.gov.uk");
    public static readonly PersonId Chief = PersonId.Parse("priya.shah@demo.gov.uk");
    public static readonly ReportingPeriod Q2 = ReportingPeriod.Parse("Q2 2026/27");

    public static Department Place => new("place", "Place", Chief);

    public static Service Waste => new("waste", "Waste", "place", Owner);

    public static Measure Recycling => new()
    {
        Reference = MeasureReference.Parse("NI 192"),
        Title = "Household waste sent for reuse, recycling and composting",
        ServiceCode = "waste",
        Unit = MeasureUnit.Percentage,
        Decimals = 1,
        Polarity = Polarity.HigherIsBetter,
        Frequency = Frequency.Quarterly,
        Targets = TargetSchedule.Of(50).ForPeriod(ReportingPeriod.Parse("Q4 2026/27"), 52),
        Tolerance = Margin.Percent(5),
        Owner = Owner,
        Delegates = [PersonId.Parse("deputy@demo.gov.uk")],
        EscalationOwner = Chief,
        PriorityCodes = ["greener"],
        ActiveFrom = new DateOnly(2020, 4, 1),
        DeadlineRule = new DeadlineRule.WorkingDayOfFollowingMonth(5),
    };

    public static MeasureResult Result(decimal value, ReportingPeriod? period = null, string commentary = "Garden waste season")
    {
        var measure = Recycling;
        var p = period ?? Q2;
        var judgement = StatusRules.Judge(measure, p, value, 47, null, StatusPolicy.Default);
        return MeasureResult.Record(measure, p, value, commentary, judgement.Requirements.ActionNoteRequired ? "Leaflet drop" : null, judgement, Owner, DateTimeOffset.Parse("2026-10-05T09:12:00Z"));
    }
}
