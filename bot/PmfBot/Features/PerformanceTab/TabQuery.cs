using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Digests;
using PmfBot.Domain.Escalations;
using PmfBot.Domain.Results;
using PmfBot.Domain.Scorecards;
using PmfBot.Domain.Standings;
using PmfBot.Standings;
using PmfBot.Storage.Results;
using PmfBot.Tab;
using PmfBot.Wording;

namespace PmfBot.Features.PerformanceTab;

/// <summary>One period's figure on a measure's page.</summary>
public sealed record TabFigure(
    string Period,
    string Value,
    string Status,
    string? Commentary,
    string? ActionNote,
    string RecordedBy,
    string RecordedAt,
    int Version
);

/// <summary>One change to a figure: "Corrected 61.5% → 63.0%", by whom, when and why.</summary>
public sealed record TabChange(string Period, int Version, string What, string By, string At, string? Reason);

/// <summary>An escalation on a measure's page, with every decision in order.</summary>
public sealed record TabEscalation(
    string Period,
    string PeriodCode,
    string State,
    string Raised,
    string? ProposedAction,
    IReadOnlyList<string> Decisions,
    string? Closed
);

/// <summary>One measure's story: where it stands, every figure, every change, every escalation.</summary>
public sealed record TabMeasureStory(
    TabMeasure Measure,
    string Owner,
    string EscalationOwner,
    IReadOnlyList<TabFigure> History,
    IReadOnlyList<TabChange> Changes,
    IReadOnlyList<TabEscalation> Escalations
);

/// <summary>Reads what the tab shows: standings for the list (a read per service), history for one measure.</summary>
public sealed class TabQuery(StandingsReader standings, ResultStore results, CouncilRules rules, TimeProvider time)
{
    public async Task<TabMeasures> MeasuresAsync(TabUser user, CancellationToken cancellationToken)
    {
        var measures = user.Sight.Measures;
        var stand = await standings.ForAsync(measures, cancellationToken);
        var now = time.GetUtcNow();
        var council = user.Council;
        var services = measures.Select(m => m.ServiceCode).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var priorities = measures.SelectMany(m => m.PriorityCodes).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new TabMeasures(
            user.Person.Name,
            TabRows.ReachWords(user.Sight.Reach),
            Dates.ShortDate(UkTime.DateAt(now)),
            [.. Rows(measures, stand, council, now)],
            [.. council.Services.Where(s => services.Contains(s.Code)).Select(s => new TabChoice(s.Code, s.Name))],
            [
                .. council
                    .Departments.Where(d =>
                        council.Services.Any(s => s.DepartmentCode == d.Code && services.Contains(s.Code))
                    )
                    .Select(d => new TabChoice(d.Code, d.Name)),
            ],
            [.. council.Priorities.Where(p => priorities.Contains(p.Code)).Select(p => new TabChoice(p.Code, p.Title))]
        );
    }

    /// <summary>Null for a measure the person may not see (or that doesn't exist: the same answer).</summary>
    public async Task<TabMeasureStory?> MeasureAsync(TabUser user, string reference, CancellationToken ct)
    {
        if (
            !MeasureReference.TryParse(reference, out var parsed)
            || user.Sight.Measures.FirstOrDefault(m => m.Reference == parsed) is not { } measure
        )
        {
            return null;
        }

        var standingTask = standings.OfAsync(measure, ct);
        var historyTask = results.GetHistoryAndExtensionsAsync(measure.Reference, ct);
        var auditTask = results.GetAuditTrailAsync(measure.Reference, ct);
        var standing = await standingTask;
        var (history, _) = await historyTask;
        var council = user.Council;
        return new TabMeasureStory(
            Rows([measure], [standing], council, time.GetUtcNow()).Single(),
            council.NameOf(measure.Owner),
            council.NameOf(measure.EscalationOwner),
            [
                .. history
                    .OrderByDescending(r => r.Period)
                    .Select(r => new TabFigure(
                        r.Period.ToString(),
                        measure.Format(r.Value),
                        r.Rag?.ToString() ?? MeasureWords.NoTargetStatus(r.VsPrevious),
                        r.Commentary,
                        r.ActionNote,
                        council.NameOf(r.RecordedBy),
                        Dates.When(r.RecordedAt),
                        r.Version
                    )),
            ],
            [.. (await auditTask).OrderByDescending(a => a.At).Select(a => Change(a, measure, council))],
            [.. standing.Escalations.OrderByDescending(x => x.Period).Select(x => Escalation(x, council))]
        );
    }

    /// <summary>Each measure as the scorecard judges it (status, direction, escalation), in the tab's words.</summary>
    private IEnumerable<TabMeasure> Rows(
        IReadOnlyList<Measure> measures,
        IReadOnlyList<MeasureStanding> stand,
        CouncilCatalogue council,
        DateTimeOffset now
    )
    {
        var byMeasure = stand.ToDictionary(s => s.Measure);
        return Scorecard
            .For(
                DigestScope.WholeCouncil,
                measures.Zip(stand.Select(s => s.Recent)),
                stand.SelectMany(s => s.NotClosed),
                rules.Status
            )
            .Lines.Select(l => TabRows.Of(l, byMeasure[l.Measure.Reference], council, rules, now));
    }

    private static TabChange Change(AuditEntry a, Measure measure, CouncilCatalogue council) =>
        new(
            a.Period.ToString(),
            a.Version,
            a.Action == AuditAction.Recorded
                ? $"Recorded {measure.Format(a.NewValue)}"
                : $"Corrected {(a.OldValue is { } old ? measure.Format(old) : "—")} → {measure.Format(a.NewValue)}",
            council.NameOf(a.By),
            Dates.When(a.At),
            a.Reason
        );

    private static TabEscalation Escalation(Escalation x, CouncilCatalogue council) =>
        new(
            x.Period.ToString(),
            x.Period.Code,
            x.State switch
            {
                EscalationState.Open => $"Open: waiting for {council.NameOf(x.EscalationOwner)}'s decision",
                EscalationState.Closed => "Closed",
                _ => "Decided",
            },
            $"{Dates.When(x.RaisedAt)}, to {council.NameOf(x.EscalationOwner)}",
            x.ProposedAction,
            [
                .. x.Decisions.Select(d =>
                    $"{Said.DecisionWords(d.Kind)} by {council.NameOf(d.By)} at {Dates.When(d.At)}"
                    + (d.Note is { Length: > 0 } note ? $": {note}" : string.Empty)
                ),
            ],
            x.Closure is { } c ? $"{Dates.When(c.At)}: {c.Why}" : null
        );
}
