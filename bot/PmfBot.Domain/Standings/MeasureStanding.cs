using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.Escalations;
using PmfBot.Domain.Results;

namespace PmfBot.Domain.Standings;

/// <summary>
/// Where one measure stands: the tail of its history that scorecards, digests, "what's due" and
/// trend charts read — its newest figures (each as judged when recorded), the deadline extensions
/// on those periods, and its escalations. Kept by the "figure recorded" event (and by extensions and
/// escalations as they change); rebuilt from history when in doubt.
/// </summary>
/// <remarks>
/// What it holds is a pure function of the figures, extensions and escalations it has been given,
/// whatever their order: the newest version of each period's figure, for the periods within
/// <see cref="SeriesLength"/> of the newest one known, and the newest revision of each
/// escalation. So events applied late, twice or out of order end where a rebuild from history
/// ends, and an older version never replaces a newer one.
/// </remarks>
/// <param name="Recent">
/// Figures, oldest period first; commentary kept on the newest <see cref="WithCommentary"/> only.
/// </param>
/// <param name="Extensions">Extension requests and decisions on the periods in the series' span.</param>
public sealed record MeasureStanding(
    MeasureReference Measure,
    IReadOnlyList<MeasureResult> Recent,
    IReadOnlyList<DeadlineExtension> Extensions
)
{
    /// <summary>
    /// How many newest figures keep their commentary and action note (the latest is what people read).
    /// </summary>
    public const int WithCommentary = 3;

    /// <summary>The latest figure: the newest period's.</summary>
    public MeasureResult? Latest => Recent.Count > 0 ? Recent[^1] : null;

    /// <summary>
    /// Its escalations, oldest period first, each at its newest revision. Those closed on periods before the series'
    /// span keep their facts (state, decisions, dates) but not their words.
    /// </summary>
    public IReadOnlyList<Escalation> Escalations { get; init; } = [];

    /// <summary>The escalations waiting for a decision or decided, not yet closed: what scorecards list.</summary>
    public IEnumerable<Escalation> NotClosed => Escalations.Where(x => x.State != EscalationState.Closed);

    /// <summary>
    /// How many periods a standing spans: 13 months, 8 quarters, 4 halves, 3 years — a year and
    /// more of trend, and the same period last year for direction of travel.
    /// </summary>
    public static int SeriesLength(PeriodKind kind) =>
        kind switch
        {
            PeriodKind.Month => 13,
            PeriodKind.Quarter => 8,
            PeriodKind.Half => 4,
            _ => 3,
        };

    public static MeasureStanding Empty(MeasureReference measure) => new(measure, [], []);

    /// <summary>
    /// A measure's standing computed from its whole history: what every event-kept standing must equal.
    /// </summary>
    public static MeasureStanding FromHistory(
        MeasureReference measure,
        IEnumerable<MeasureResult> history,
        IEnumerable<DeadlineExtension> extensions,
        IEnumerable<Escalation> escalations
    ) => Normalise(measure, history, extensions, escalations);

    /// <summary>
    /// The standing with a figure taken in: unchanged (the same instance) if it knows that version or a newer one.
    /// </summary>
    public MeasureStanding With(MeasureResult figure)
    {
        EnsureOwn(figure.Measure, "figure", nameof(figure));
        var known = Recent.FirstOrDefault(r => r.Period == figure.Period);
        if (known is not null && known.Version >= figure.Version)
        {
            return this;
        }

        return NewOrThis(
            Normalise(Measure, Recent.Where(r => r.Period != figure.Period).Append(figure), Extensions, Escalations)
        );
    }

    /// <summary>
    /// The standing with an extension request (or its decision) taken in; a decision is never undone by a late request.
    /// </summary>
    public MeasureStanding With(DeadlineExtension extension)
    {
        var known = Extensions.FirstOrDefault(e => e.Id == extension.Id && e.Period == extension.Period);
        if (known is not null && (known == extension || known.Decision != ExtensionDecision.Pending))
        {
            return this;
        }

        return NewOrThis(Normalise(Measure, Recent, Extensions.Where(e => e != known).Append(extension), Escalations));
    }

    /// <summary>
    /// The standing with an escalation taken in as it now is: unchanged (the same instance) if it knows that revision
    /// or a newer one.
    /// </summary>
    public MeasureStanding With(Escalation escalation)
    {
        EnsureOwn(escalation.Measure, "escalation", nameof(escalation));
        var known = Escalations.FirstOrDefault(x => x.Period == escalation.Period);
        if (known is not null && known.Revision >= escalation.Revision)
        {
            return this;
        }

        return NewOrThis(Normalise(Measure, Recent, Extensions, Escalations.Where(x => x != known).Append(escalation)));
    }

    public MeasureResult? ResultFor(ReportingPeriod period) => Recent.FirstOrDefault(r => r.Period == period);

    /// <summary>
    /// Whether the standing alone can say what a period's figure is, as a report prints it: the figure with its
    /// commentary, or that there is none (null). It can't for a period older than its span, for a figure there
    /// that has lost its commentary (only the newest keep it), or for a standing never built: history can.
    /// The figure is null whenever it returns false.
    /// </summary>
    public bool TryGetFigure(ReportingPeriod period, out MeasureResult? figure)
    {
        figure = null;
        var periods = Recent
            .Select(r => r.Period)
            .Concat(Extensions.Select(e => e.Period))
            .Concat(Escalations.Select(x => x.Period))
            .ToList();
        if (periods.Count == 0 || period.Kind != periods[0].Kind)
        {
            return false;
        }

        var oldest = OldestKept(periods.Max());
        var at = Recent.Count - 1;
        while (at >= 0 && Recent[at].Period != period)
        {
            at--;
        }

        var says = period >= oldest && (at < 0 || Recent.Count - at <= WithCommentary);
        figure = says && at >= 0 ? Recent[at] : null;
        return says;
    }

    public IEnumerable<DeadlineExtension> ExtensionsFor(ReportingPeriod period) =>
        Extensions.Where(e => e.Period == period);

    /// <summary>
    /// The updates owed as of <paramref name="now"/>, newest first (open periods lie well within the series).
    /// </summary>
    public IEnumerable<OpenUpdate> OpenAt(Measure measure, DateTimeOffset now, UpdateCyclePolicy policy) =>
        OpenUpdates.For(measure, (_, p) => ResultFor(p) is not null, (_, p) => ExtensionsFor(p), now, policy);

    /// <summary>Holds the same figures (versions, values, texts), extensions and escalation revisions.</summary>
    public bool SameAs(MeasureStanding other) =>
        Measure == other.Measure
        && Recent.SequenceEqual(other.Recent)
        && Extensions.SequenceEqual(other.Extensions)
        && Escalations
            .Select(x => (x.Period, x.Revision))
            .SequenceEqual(other.Escalations.Select(x => (x.Period, x.Revision)));

    /// <summary>The next standing, or this same instance when it holds nothing new.</summary>
    private MeasureStanding NewOrThis(MeasureStanding next) => next.SameAs(this) ? this : next;

    private void EnsureOwn(MeasureReference of, string what, string parameter)
    {
        if (of != Measure)
        {
            throw new ArgumentException($"{of}'s {what} can't change {Measure}'s standing.", parameter);
        }
    }

    private static Escalation WithoutWords(Escalation closed) =>
        closed with
        {
            Reason = null,
            ProposedAction = null,
            Decisions = [.. closed.Decisions.Select(d => d with { Note = null })],
            Answers = [.. closed.Answers.Select(a => a with { Text = string.Empty })],
            Closure = closed.Closure is { } closure ? closure with { Why = string.Empty } : null,
            EarlierRounds =
            [
                .. closed.EarlierRounds.Select(r =>
                    r with
                    {
                        Reason = null,
                        ProposedAction = null,
                        Decisions = [.. r.Decisions.Select(d => d with { Note = null })],
                        Answers = [.. r.Answers.Select(a => a with { Text = string.Empty })],
                        Closure = r.Closure with { Why = string.Empty },
                    }
                ),
            ],
        };

    /// <summary>The oldest period a standing keeps when <paramref name="newest"/> is the newest it knows.</summary>
    private static ReportingPeriod OldestKept(ReportingPeriod newest)
    {
        var oldest = newest;
        for (var i = 1; i < SeriesLength(newest.Kind); i++)
        {
            oldest = oldest.Previous;
        }

        return oldest;
    }

    private static MeasureStanding Normalise(
        MeasureReference measure,
        IEnumerable<MeasureResult> figures,
        IEnumerable<DeadlineExtension> extensions,
        IEnumerable<Escalation> escalations
    )
    {
        var newestPerPeriod = figures
            .GroupBy(r => r.Period)
            .Select(g => g.MaxBy(r => r.Version)!)
            .OrderBy(r => r.Period)
            .ToList();
        var requests = extensions.ToList();
        var newestEscalations = escalations
            .GroupBy(x => x.Period)
            .Select(g => g.MaxBy(x => x.Revision)!)
            .OrderBy(x => x.Period)
            .ToList();
        var periods = newestPerPeriod
            .Select(r => r.Period)
            .Concat(requests.Select(e => e.Period))
            .Concat(newestEscalations.Select(x => x.Period))
            .ToList();
        if (periods.Count == 0)
        {
            return Empty(measure);
        }

        var oldest = OldestKept(periods.Max());
        var kept = newestPerPeriod.Where(r => r.Period >= oldest).ToList();
        var recent = kept.Select(
            (r, i) => i >= kept.Count - WithCommentary ? r : r with { Commentary = null, ActionNote = null }
        );
        var keptExtensions = requests
            .Where(e => e.Period >= oldest)
            .OrderBy(e => e.Period)
            .ThenBy(e => e.RequestedAt)
            .ThenBy(e => e.Id, StringComparer.Ordinal);
        // Before the span, one not closed is still someone's to decide; one closed keeps its facts without its words,
        // so that a late copy of an earlier revision can't reopen it.
        var keptEscalations = newestEscalations.Select(x =>
            x.Period >= oldest || x.State != EscalationState.Closed ? x : WithoutWords(x)
        );
        return new MeasureStanding(measure, [.. recent], [.. keptExtensions]) { Escalations = [.. keptEscalations] };
    }
}
