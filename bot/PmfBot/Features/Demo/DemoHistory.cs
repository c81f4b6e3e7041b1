using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.Results;
using PmfBot.Domain.Status;

namespace PmfBot.Features.Demo;

/// <summary>
/// Two years of plausible results for the demo council as of a date: values that follow each
/// measure's story, commentary that reads like a service manager's, action notes where the PMF
/// requires them, each judged by the real rules and recorded by the owner a few days before the
/// deadline. Deterministic: the same date gives the same history.
/// </summary>
/// <remarks>
/// Left open, so the demo has work in it: the latest period of the current user's (Priya Shah's)
/// measures, and of about a quarter of the others. Periods whose deadline is still ahead are
/// left open for every measure owned by someone with an early prompt due.
/// </remarks>
public static class DemoHistory
{
    public static IReadOnlyList<MeasureResult> Generate(DateOnly asOf, DeadlinePolicy deadlines, StatusPolicy status)
    {
        var results = new List<MeasureResult>();
        foreach (var (measure, story) in DemoCouncil.Measures)
        {
            results.AddRange(ForMeasure(measure, story, asOf, deadlines, status));
        }

        return results;
    }

    public static bool LeftOpen(Measure measure) =>
        measure.Owner == DemoPeople.PriyaShah.Id || StableHash(measure.Reference.Key) % 4 == 0;

    private static IEnumerable<MeasureResult> ForMeasure(
        Measure measure,
        DemoStory story,
        DateOnly asOf,
        DeadlinePolicy deadlines,
        StatusPolicy status
    )
    {
        var latest = measure.LatestEndedPeriodAsOf(asOf);
        var count = 2 * measure.PeriodKind.PerYear();
        var periods = Enumerable.Range(0, count).Select(i => Back(latest, count - 1 - i)).ToList();
        var values = new Dictionary<ReportingPeriod, decimal>();

        for (var i = 0; i < periods.Count; i++)
        {
            var period = periods[i];
            var progress = periods.Count == 1 ? 1m : (decimal)i / (periods.Count - 1);

            // Seeded by measure and period, not by position: seeding again as of a later date
            // gives each period the same wobble, so new periods never copy an old one's value.
            var random = RandomFor(measure, period);
            var value =
                story.Start
                + ((story.End - story.Start) * progress)
                + (story.Noise * (decimal)((random.NextDouble() * 2) - 1))
                + (story.Seasonal * (decimal)Math.Cos(2 * Math.PI * (period.End.Month - 7) / 12.0));
            if (story.RelativeToTarget)
            {
                value += measure.Targets.For(period) ?? 0;
            }

            values[period] = Clamp(Math.Round(value, measure.Decimals, MidpointRounding.AwayFromZero), measure.Unit);
        }

        foreach (var period in periods)
        {
            var deadline = deadlines.DeadlineFor(measure, period);
            var isLatest = period == latest;
            if (isLatest && (LeftOpen(measure) || deadline.Date >= asOf))
            {
                continue;
            }

            var value = values[period];
            decimal? previous = values.TryGetValue(period.Previous, out var p) ? p : null;
            decimal? lastYear = values.TryGetValue(period.SamePeriodLastYear, out var l) ? l : null;
            var judgement = StatusRules.Judge(measure, period, value, previous, lastYear, status);
            var random = RandomFor(measure, period, salt: "text");
            var (commentary, actionNote) = DemoCommentary.For(measure, judgement, random);
            var recordedOn = deadline.Date.AddDays(-random.Next(0, 6));
            var recordedAt = UkTime.At(recordedOn, new TimeOnly(random.Next(9, 17), random.Next(0, 60)));
            yield return MeasureResult.Record(
                measure,
                period,
                value,
                commentary,
                actionNote,
                judgement,
                measure.Owner,
                recordedAt
            );
        }
    }

    private static Random RandomFor(Measure measure, ReportingPeriod period, string salt = "") =>
        new(StableHash($"{measure.Reference.Key}|{period.Code}|{salt}"));

    private static ReportingPeriod Back(ReportingPeriod period, int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            period = period.Previous;
        }

        return period;
    }

    private static decimal Clamp(decimal value, MeasureUnit unit) =>
        unit.Kind switch
        {
            UnitKind.Percentage => Math.Clamp(value, 0, 100),
            _ when !unit.AllowsNegative => Math.Max(0, value),
            _ => value,
        };

    /// <summary>
    /// A hash that is the same on every run and machine (string.GetHashCode is randomised per process).
    /// </summary>
    private static int StableHash(string text)
    {
        unchecked
        {
            var hash = 17;
            foreach (var c in text)
            {
                hash = (hash * 31) + c;
            }

            return hash & 0x7fffffff;
        }
    }
}
