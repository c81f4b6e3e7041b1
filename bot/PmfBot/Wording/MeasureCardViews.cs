using PmfBot.Cards.Questions;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.Digests;
using PmfBot.Domain.Standings;
using PmfBot.Domain.Status;

namespace PmfBot.Wording;

/// <summary>One measure's card from its standing: what "show me NI 192" and "Find a measure" show. No I/O.</summary>
public static class MeasureCardViews
{
    public static MeasureCardView For(
        Measure measure,
        MeasureStanding standing,
        CouncilCatalogue council,
        DateTimeOffset now,
        UpdateCyclePolicy cycle,
        Margin stableBand
    )
    {
        var today = UkTime.DateAt(now);
        var latest = standing.Latest;
        var facts = new List<(string, string)>
        {
            ("Target", MeasureWords.LatestTarget(measure, latest, today) ?? MeasureWords.NoTarget),
        };
        if (latest is not null)
        {
            var (previous, lastYear) = (latest.Period.Previous, latest.Period.SamePeriodLastYear);
            facts.Add(
                (
                    "Direction of travel",
                    MeasureWords
                        .AsRecorded(
                            measure,
                            latest,
                            previous,
                            standing.ResultFor(previous),
                            latest.VsPrevious,
                            stableBand
                        )
                        .Describe(measure)
                )
            );
            if (standing.ResultFor(lastYear) is { } then)
            {
                var against = MeasureWords.AsRecorded(
                    measure,
                    latest,
                    lastYear,
                    then,
                    latest.VsSamePeriodLastYear,
                    stableBand
                );
                facts.Add(("Against last year", against.Describe(measure)));
            }
        }

        if (standing.NotClosed.LastOrDefault() is { } escalation)
        {
            facts.Add(("Escalation", Said.EscalationStanding(escalation, council)));
        }

        if (standing.OpenAt(measure, now, cycle).FirstOrDefault() is { } owed)
        {
            facts.Add(("Next update", Owed(owed, now)));
        }

        var service = council.ServiceNameOf(measure.ServiceCode);
        return new MeasureCardView(
            $"{measure.Reference} {measure.Title}",
            $"{service} · {council.NameOf(measure.Owner)} (owner) · {Often(measure.Frequency)}",
            latest is null ? null : $"{measure.Format(latest.Value)} for {latest.Period}",
            StandingRules.Of(latest).Words(),
            facts,
            latest?.Commentary,
            latest?.ActionNote,
            TrendViews.For(measure, standing.Recent, latest?.Period ?? measure.LatestEndedPeriodAsOf(today))
        );
    }

    /// <summary>"Oct 2026, due 20 Nov 2026: 17 days overdue", "Nov 2026, due 18 Dec 2026".</summary>
    public static string Owed(OpenUpdate owed, DateTimeOffset now) =>
        $"{owed.Period}, due {Dates.ShortDate(owed.Deadline.Date)}"
        + (owed.Deadline.IsOverdueAt(now) ? $": {Dates.Days(owed.Deadline.DaysOverdueAt(now))} overdue" : string.Empty);

    private static string Often(Frequency frequency) =>
        frequency switch
        {
            Frequency.Monthly => "monthly",
            Frequency.Quarterly => "quarterly",
            Frequency.HalfYearly => "half-yearly",
            _ => "annual",
        };
}
