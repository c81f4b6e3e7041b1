using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;

namespace PmfBot.Features.Demo;

/// <summary>
/// An extension request waiting for a decision when the demo starts: Sam Taylor asks for three
/// more days on the missed-bins figure, so a newcomer (Priya, a decider) gets a request to approve
/// at the first scan.
/// </summary>
public static class DemoExtension
{
    public static readonly MeasureReference Measure = MeasureReference.Parse("WM 03");

    /// <summary>
    /// The request as of a date, or null when the figure it concerns is no longer due (its deadline has passed).
    /// </summary>
    public static DeadlineExtension? PendingAsOf(DateOnly asOf)
    {
        var measure = DemoCouncil.Measures.Select(m => m.Measure).First(m => m.Reference == Measure);
        var period = measure.LatestEndedPeriodAsOf(asOf);
        var deadline = DeadlinePolicy.Default.DeadlineFor(measure, period);
        return deadline.Date < asOf
            ? null
            : new DeadlineExtension
            {
                Id = $"demo{period.Code.Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant()}",
                Measure = Measure,
                Period = period,
                NewDeadline = deadline.Date.AddDays(3),
                Reason =
                    "The crew-tracking system's export failed; the supplier is re-running it and the missed-bin count "
                    + "isn't reliable until then.",
                RequestedBy = DemoPeople.SamTaylor.Id,
                RequestedAt = UkTime.At(asOf, new TimeOnly(8, 30)),
            };
    }
}
