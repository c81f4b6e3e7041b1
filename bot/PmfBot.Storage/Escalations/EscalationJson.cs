using System.Text.Json;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Escalations;

namespace PmfBot.Storage.Escalations;

/// <summary>
/// Escalations as JSON: their decisions and answers on an escalation's own row, and whole escalations on a standing.
/// </summary>
internal static class EscalationJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Decisions(IEnumerable<EscalationDecision> decisions) =>
        JsonSerializer.Serialize(decisions.Select(ToJson), Json);

    public static IReadOnlyList<EscalationDecision> Decisions(string json) =>
        [.. (JsonSerializer.Deserialize<List<DecisionJson>>(json, Json) ?? []).Select(ToDomain)];

    public static string Answers(IEnumerable<EscalationAnswer> answers) =>
        JsonSerializer.Serialize(answers.Select(ToJson), Json);

    public static IReadOnlyList<EscalationAnswer> Answers(string json) =>
        [.. (JsonSerializer.Deserialize<List<AnswerJson>>(json, Json) ?? []).Select(ToDomain)];

    public static string Escalations(IEnumerable<Escalation> escalations) =>
        JsonSerializer.Serialize(escalations.Select(ToJson), Json);

    public static IReadOnlyList<Escalation> Escalations(string json) =>
        [.. (JsonSerializer.Deserialize<List<EscalationOnStanding>>(json, Json) ?? []).Select(ToDomain)];

    private static DecisionJson ToJson(EscalationDecision d) =>
        new(d.Kind.ToString(), d.By.Value, d.At, d.Note, d.Until);

    private static EscalationDecision ToDomain(DecisionJson d) =>
        new(Enum.Parse<DecisionKind>(d.Kind), PersonId.Parse(d.By), d.At, d.Note, d.Until);

    private static AnswerJson ToJson(EscalationAnswer a) => new(a.By.Value, a.At, a.Text);

    private static EscalationAnswer ToDomain(AnswerJson a) => new(PersonId.Parse(a.By), a.At, a.Text);

    private static EscalationOnStanding ToJson(Escalation x) =>
        new(
            x.Measure.Value,
            x.Period.Code,
            x.Trigger.ToString(),
            x.EscalationOwner.Value,
            x.Owner.Value,
            x.RaisedAt,
            x.RaisedBy?.Value,
            x.Reason,
            x.ProposedAction,
            x.State.ToString(),
            [.. x.Decisions.Select(ToJson)],
            [.. x.Answers.Select(ToJson)],
            x.RaisedToNextLevelAt,
            x.Closure?.At,
            x.Closure?.Why,
            x.Closure?.By?.Value
        );

    private static Escalation ToDomain(EscalationOnStanding x) =>
        new()
        {
            Measure = MeasureReference.Parse(x.Measure),
            Period = ReportingPeriod.TryParseCode(x.Period, out var period)
                ? period
                : throw new FormatException($"A stored escalation of {x.Measure} has an unreadable period."),
            Trigger = Enum.Parse<EscalationTrigger>(x.Trigger),
            EscalationOwner = PersonId.Parse(x.EscalationOwner),
            Owner = PersonId.Parse(x.Owner),
            RaisedAt = x.RaisedAt,
            RaisedBy = x.RaisedBy is null ? null : PersonId.Parse(x.RaisedBy),
            Reason = x.Reason,
            ProposedAction = x.ProposedAction,
            State = Enum.Parse<EscalationState>(x.State),
            Decisions = [.. x.Decisions.Select(ToDomain)],
            Answers = [.. x.Answers.Select(ToDomain)],
            RaisedToNextLevelAt = x.RaisedToNextLevelAt,
            Closure = x.ClosedAt is { } at
                ? new EscalationClosure(
                    at,
                    x.ClosedWhy ?? string.Empty,
                    x.ClosedBy is null ? null : PersonId.Parse(x.ClosedBy)
                )
                : null,
        };

    private sealed record DecisionJson(string Kind, string By, DateTimeOffset At, string? Note, DateOnly? Until);

    private sealed record AnswerJson(string By, DateTimeOffset At, string Text);

    private sealed record EscalationOnStanding(
        string Measure,
        string Period,
        string Trigger,
        string EscalationOwner,
        string Owner,
        DateTimeOffset RaisedAt,
        string? RaisedBy,
        string? Reason,
        string? ProposedAction,
        string State,
        IReadOnlyList<DecisionJson> Decisions,
        IReadOnlyList<AnswerJson> Answers,
        DateTimeOffset? RaisedToNextLevelAt,
        DateTimeOffset? ClosedAt,
        string? ClosedWhy,
        string? ClosedBy
    );
}
