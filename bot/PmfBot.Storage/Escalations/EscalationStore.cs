using Azure;
using Azure.Data.Tables;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Escalations;

namespace PmfBot.Storage.Escalations;

// Key design (table "Escalations"): PartitionKey = the measure reference upper-cased ("NI 192"), or
// "activity|" and an activity's code upper-cased; RowKey = the period code ("FY2026-Q2"). One row
// per measure (or activity) and period. Measure keys are upper-case, so every activity's partition
// sorts after every measure's: each kind is one range of the table.
// Why: raising is an insert of exactly that key, so however many results, scans or instances
// try, an escalation is raised once; a measure's history is one partition read. Each change is
// an ETag-checked replace, so of two simultaneous decisions exactly one lands. "Not closed"
// across all measures (the follow-up, "my escalations") is a cross-partition filter on State:
// escalations are few, and closed ones fall out of it. Scorecards and digests read escalations
// from the standings instead, which every change refreshes (EscalationWrites).

internal sealed class EscalationEntity : StoredEntity
{
    public string Measure { get; set; } = string.Empty;

    /// <summary>The activity's code, for an activity's escalation (<see cref="Measure"/> is then empty).</summary>
    public string? PlanActivity { get; set; }
    public string Period { get; set; } = string.Empty;
    public string Trigger { get; set; } = string.Empty;
    public string EscalationOwner { get; set; } = string.Empty;
    public string Owner { get; set; } = string.Empty;
    public DateTimeOffset RaisedAt { get; set; }
    public string? RaisedBy { get; set; }
    public string? Reason { get; set; }
    public string? ProposedAction { get; set; }
    public string State { get; set; } = string.Empty;

    /// <summary>
    /// The decisions and answers in order, as JSON: a handful per escalation, read and written whole.
    /// </summary>
    public string Decisions { get; set; } = "[]";
    public string Answers { get; set; } = "[]";
    public DateTimeOffset? RaisedToNextLevelAt { get; set; }

    /// <summary>Corrections that changed its trigger, and the rounds before a reopening, as JSON.</summary>
    public string Rejudgements { get; set; } = "[]";
    public string EarlierRounds { get; set; } = "[]";
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedWhy { get; set; }
    public string? ClosedBy { get; set; }
}

/// <summary>An escalation as stored, with the ETag that a change must match.</summary>
public sealed record StoredEscalation(Escalation Escalation, ETag ETag);

/// <summary>
/// Escalations: raised once per measure and period, changed only where nobody else has changed them since.
/// </summary>
public sealed class EscalationStore(PmfTables tables)
{
    private readonly TableClient _table = tables.Escalations;

    /// <summary>
    /// Raises an escalation. When one is already there for the measure and period, it is left alone and returned
    /// instead.
    /// </summary>
    /// <returns>The stored escalation and whether this call raised it.</returns>
    public async Task<(StoredEscalation Stored, bool Raised)> RaiseAsync(
        Escalation escalation,
        CancellationToken cancellationToken
    )
    {
        try
        {
            var added = await _table.AddEntityAsync(TableLimits.EnsureFits(ToEntity(escalation)), cancellationToken);
            return (new StoredEscalation(escalation, added.Headers.ETag ?? ETag.All), true);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return (
                await GetAsync(escalation.Subject, escalation.Period, cancellationToken)
                    ?? throw new InvalidOperationException(
                        $"Raising {escalation.Key} conflicted, but no escalation is stored.",
                        e
                    ),
                false
            );
        }
    }

    public async Task<StoredEscalation?> GetAsync(
        EscalationSubject subject,
        ReportingPeriod period,
        CancellationToken cancellationToken
    )
    {
        var found = await _table.GetEntityIfExistsAsync<EscalationEntity>(
            subject.Key,
            period.Code,
            cancellationToken: cancellationToken
        );
        return found.HasValue ? ToStored(found.Value!) : null;
    }

    /// <summary>Every escalation of a measure (or an activity), oldest period first: one partition read.</summary>
    public Task<IReadOnlyList<StoredEscalation>> GetForSubjectAsync(
        EscalationSubject subject,
        CancellationToken cancellationToken
    ) => QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {subject.Key}"), cancellationToken);

    /// <summary>Every measure's escalations: a scan of the measures' range, for the standings' repair pass.</summary>
    public async Task<IReadOnlyList<Escalation>> GetAllAsync(CancellationToken cancellationToken) =>
        [.. (await QueryAsync(OfMeasures, cancellationToken)).Select(s => s.Escalation)];

    /// <summary>
    /// Every activity's escalations, closed ones too, for digests, scorecards and the follow-up: one query over the
    /// activities' range (they are few: one per activity and quarter at most).
    /// </summary>
    public Task<IReadOnlyList<StoredEscalation>> GetAllOfPlanActivitiesAsync(CancellationToken cancellationToken) =>
        QueryAsync(OfPlanActivities, cancellationToken);

    /// <summary>Measures' escalations not yet closed (open or decided).</summary>
    public Task<IReadOnlyList<StoredEscalation>> GetNotClosedAsync(CancellationToken cancellationToken) =>
        QueryAsync($"({OfMeasures}) and ({NotClosed})", cancellationToken);

    private static string OfMeasures =>
        TableClient.CreateQueryFilter($"PartitionKey lt {EscalationSubject.FirstPlanActivityKey}");

    // "}" follows "|" in ASCII, so this range holds exactly the keys that start "activity|".
    private static string OfPlanActivities =>
        TableClient.CreateQueryFilter($"PartitionKey ge {EscalationSubject.FirstPlanActivityKey}")
        + " and "
        + TableClient.CreateQueryFilter($"PartitionKey lt {EscalationSubject.AfterPlanActivityKeys}");

    private static string NotClosed => TableClient.CreateQueryFilter($"State ne {nameof(EscalationState.Closed)}");

    private async Task<IReadOnlyList<StoredEscalation>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var list = new List<StoredEscalation>();
        await foreach (var e in _table.QueryAsync<EscalationEntity>(filter, cancellationToken: cancellationToken))
        {
            list.Add(ToStored(e));
        }

        return
        [
            .. list.OrderBy(s => s.Escalation.Subject.Key, StringComparer.Ordinal).ThenBy(s => s.Escalation.Period),
        ];
    }

    /// <summary>
    /// Stores a change, only if nobody has changed the escalation since <paramref name="read"/> was read.
    /// </summary>
    /// <returns>The change as stored, or null when someone else changed it first (read it again and see).</returns>
    public async Task<StoredEscalation?> TryChangeAsync(
        StoredEscalation read,
        Escalation changed,
        CancellationToken cancellationToken
    )
    {
        if (changed.Key != read.Escalation.Key)
        {
            throw new ArgumentException(
                "A change can't move an escalation to another measure or period.",
                nameof(changed)
            );
        }

        try
        {
            var response = await _table.UpdateEntityAsync(
                TableLimits.EnsureFits(ToEntity(changed)),
                read.ETag,
                TableUpdateMode.Replace,
                cancellationToken
            );
            return new StoredEscalation(changed, response.Headers.ETag ?? ETag.All);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return null;
        }
    }

    internal static EscalationEntity ToEntity(Escalation x) =>
        new()
        {
            PartitionKey = x.Subject.Key,
            RowKey = x.Period.Code,
            Measure = x.Subject.Measure?.Value ?? string.Empty,
            PlanActivity = x.PlanActivity,
            Period = x.Period.Code,
            Trigger = x.Trigger.ToString(),
            EscalationOwner = x.EscalationOwner.Value,
            Owner = x.Owner.Value,
            RaisedAt = x.RaisedAt,
            RaisedBy = x.RaisedBy?.Value,
            Reason = x.Reason,
            ProposedAction = x.ProposedAction,
            State = x.State.ToString(),
            Decisions = EscalationJson.Decisions(x.Decisions),
            Answers = EscalationJson.Answers(x.Answers),
            RaisedToNextLevelAt = x.RaisedToNextLevelAt,
            Rejudgements = EscalationJson.Rejudgements(x.Rejudgements),
            EarlierRounds = EscalationJson.Rounds(x.EarlierRounds),
            ClosedAt = x.Closure?.At,
            ClosedWhy = x.Closure?.Why,
            ClosedBy = x.Closure?.By?.Value,
        };

    internal static StoredEscalation ToStored(EscalationEntity e) =>
        new(
            new Escalation
            {
                Subject = e.PlanActivity is { Length: > 0 } code
                    ? EscalationSubject.OfPlanActivity(code)
                    : MeasureReference.Parse(e.Measure),
                Period = ReportingPeriod.TryParseCode(e.Period, out var period)
                    ? period
                    : throw new FormatException(
                        $"Stored escalation {e.PartitionKey}/{e.RowKey} has an unreadable period \"{e.Period}\"."
                    ),
                Trigger = Enum.Parse<EscalationTrigger>(e.Trigger),
                EscalationOwner = PersonId.Parse(e.EscalationOwner),
                Owner = PersonId.Parse(e.Owner),
                RaisedAt = e.RaisedAt,
                RaisedBy = e.RaisedBy is null ? null : PersonId.Parse(e.RaisedBy),
                Reason = e.Reason,
                ProposedAction = e.ProposedAction,
                State = Enum.Parse<EscalationState>(e.State),
                Decisions = EscalationJson.Decisions(e.Decisions),
                Answers = EscalationJson.Answers(e.Answers),
                RaisedToNextLevelAt = e.RaisedToNextLevelAt,
                Rejudgements = EscalationJson.Rejudgements(e.Rejudgements),
                EarlierRounds = EscalationJson.Rounds(e.EarlierRounds),
                Closure = e.ClosedAt is { } at
                    ? new EscalationClosure(
                        at,
                        e.ClosedWhy ?? string.Empty,
                        e.ClosedBy is null ? null : PersonId.Parse(e.ClosedBy)
                    )
                    : null,
            },
            e.ETag
        );
}
