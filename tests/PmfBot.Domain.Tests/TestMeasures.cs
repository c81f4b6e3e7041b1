using PmfBot.Domain.Catalogue;

namespace PmfBot.Domain.Tests;

/// <summary>Measures for rule tables, shaped like the demo council's.</summary>
internal static class TestMeasures
{
    public static readonly PersonId Owner = PersonId.Parse("sam.taylor@demo.gov.uk");
    public static readonly PersonId Chief = PersonId.Parse("priya.shah@demo.gov.uk");

    public static Measure Make(
        string reference = "NI 192",
        Polarity polarity = Polarity.HigherIsBetter,
        Frequency frequency = Frequency.Quarterly,
        decimal? target = 50m,
        Margin? tolerance = null,
        MeasureUnit? unit = null,
        int decimals = 1) => new()
        {
            Reference = MeasureReference.Parse(reference),
            Title = "Household waste sent for reuse, recycling and composting",
            ServiceCode = "waste",
            Unit = unit ?? MeasureUnit.Percentage,
            Decimals = decimals,
            Polarity = polarity,
            Frequency = frequency,
            Targets = target is { } t ? TargetSchedule.Of(t) : TargetSchedule.None,
            Tolerance = tolerance ?? Margin.DefaultTolerance,
            Owner = Owner,
            EscalationOwner = Chief,
        };
}
