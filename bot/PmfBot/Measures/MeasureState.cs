using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.Results;
using PmfBot.Storage.Results;

namespace PmfBot.Measures;

/// <summary>
/// What storage knows of one measure: its whole history of figures and its extension requests.
/// For one measure's own detail (a turn about it, a correction); scorecards and digests read the standings.
/// </summary>
public sealed record MeasureState(
    Measure Measure,
    IReadOnlyList<MeasureResult> History,
    IReadOnlyList<DeadlineExtension> Extensions
)
{
    public MeasureResult? ResultFor(ReportingPeriod period) => History.FirstOrDefault(r => r.Period == period);

    public bool IsAnswered(ReportingPeriod period) => ResultFor(period) is not null;

    public IEnumerable<DeadlineExtension> ExtensionsFor(ReportingPeriod period) =>
        Extensions.Where(e => e.Period == period);

    public Deadline DeadlineFor(ReportingPeriod period, UpdateCyclePolicy policy) =>
        policy.Deadlines.DeadlineFor(Measure, period, ExtensionsFor(period));

    /// <summary>The periods owed as of now, newest first.</summary>
    public IEnumerable<OpenUpdate> OpenAt(DateTimeOffset now, UpdateCyclePolicy policy) =>
        OpenUpdates.For(Measure, (_, p) => IsAnswered(p), (_, p) => ExtensionsFor(p), now, policy);

    /// <summary>Reads one measure's state: one partition range read.</summary>
    public static async Task<MeasureState> ReadAsync(
        ResultStore results,
        Measure measure,
        CancellationToken cancellationToken
    )
    {
        var (history, extensions) = await results.GetHistoryAndExtensionsAsync(measure.Reference, cancellationToken);
        return new MeasureState(measure, history, extensions);
    }

    /// <summary>Reads measures' states: one partition range read each, a bounded number at a time.</summary>
    public static async Task<IReadOnlyDictionary<MeasureReference, MeasureState>> ReadAsync(
        ResultStore results,
        IEnumerable<Measure> measures,
        CancellationToken cancellationToken
    )
    {
        var list = measures.ToList();
        var states = await ReadEachAsync(list, (measure, ct) => ReadAsync(results, measure, ct), cancellationToken);
        return states.ToDictionary(s => s.Measure.Reference);
    }

    /// <summary>
    /// Reads something for each of many measures, in their order, a bounded number at a time:
    /// enough to hide storage's latency, few enough to stay well inside the account's limits.
    /// </summary>
    public static async Task<T[]> ReadEachAsync<TItem, T>(
        IReadOnlyList<TItem> items,
        Func<TItem, CancellationToken, Task<T>> read,
        CancellationToken cancellationToken
    )
    {
        var found = new T[items.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, items.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (i, ct) => found[i] = await read(items[i], ct)
        );
        return found;
    }

    /// <summary>The updates owed on these measures as of now, oldest deadline first.</summary>
    public static async Task<IReadOnlyList<OpenUpdate>> OpenAsync(
        ResultStore results,
        IEnumerable<Measure> measures,
        DateTimeOffset now,
        UpdateCyclePolicy policy,
        CancellationToken cancellationToken
    )
    {
        var list = measures.ToList();
        var states = await ReadAsync(results, list, cancellationToken);
        return
        [
            .. list.SelectMany(m => states[m.Reference].OpenAt(now, policy))
                .OrderBy(o => o.Deadline.Date)
                .ThenBy(o => o.Measure.Reference.Key, StringComparer.Ordinal),
        ];
    }
}
