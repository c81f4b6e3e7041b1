using System.Text.Json;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Escalations;

namespace PmfBot.Storage.Escalations;

/// <summary>
/// Escalations as JSON: their decisions and answers on an escalation's own row, and whole escalations on a standing.
/// </summary>
internal static class EscalationJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Decisions(IEnumerable<EscalationDecision> decisions) =>
        JsonSerializer.Serialize(decisions.Select(ToJson), Json);

    public static IReadOnlyList<EscalationDecision> Decisions(string json) =>
        [.. (JsonSerializer.Deserialize<List<DecisionJson>>(json, Json) ?? []).Select(ToDomain)];

    public static string Answers(IEnumerable<EscalationAnswer> answers) =>
        JsonSerializer.Serialize(answers.Select(ToJson), Json);

    public static IReadOnlyList<EscalationAnswer> Answers(string json) =>
        [.. (JsonSerializer.Deserialize<List<AnswerJson>>(json, Json) ?? []).Select(ToDomain)];

    public static string Rejudgements(IEnumerable<EscalationRejudgement> rejudgements) =>
        JsonSerializer.Serialize(rejudgements.Select(ToJson), Json);

    public static IReadOnlyList<EscalationRejudgement> Rejudgements(string? json) =>
        [.. (JsonSerializer.Deserialize<List<RejudgementJson>>(json ?? "[]", Json) ?? []).Select(ToDomain)];

    public static string Rounds(IEnumerable<EscalationRound> rounds) =>
        JsonSerializer.Serialize(rounds.Select(ToJson), Json);

    public static IReadOnlyList<EscalationRound> Rounds(string? json) =>
        [.. (JsonSerializer.Deserialize<List<RoundJson>>(json ?? "[]", Json) ?? []).Select(ToDomain)];

    /// <summary>Whole escalations, as the fields of their own rows (one mapping reads both).</summary>
    public static string Escalations(IEnumerable<Escalation> escalations) =>
        Results.StoredJson.Rows(escalations.Select(EscalationStore.ToEntity));

    public static IReadOnlyList<Escalation> Escalations(string json) =>
        [.. Results.StoredJson.Rows<EscalationEntity>(json).Select(e => EscalationStore.ToStored(e).Escalation)];

    private static DecisionJson ToJson(EscalationDecision d) =>
        new(d.Kind.ToString(), d.By.Value, d.At, d.Note, d.Until);

    private static EscalationDecision ToDomain(DecisionJson d) =>
        new(Enum.Parse<DecisionKind>(d.Kind), PersonId.Parse(d.By), d.At, d.Note, d.Until);

    private static AnswerJson ToJson(EscalationAnswer a) => new(a.By.Value, a.At, a.Text);

    private static EscalationAnswer ToDomain(AnswerJson a) => new(PersonId.Parse(a.By), a.At, a.Text);

    private static RejudgementJson ToJson(EscalationRejudgement r) => new(r.At, r.From.ToString(), r.To.ToString());

    private static EscalationRejudgement ToDomain(RejudgementJson r) =>
        new(r.At, Enum.Parse<EscalationTrigger>(r.From), Enum.Parse<EscalationTrigger>(r.To));

    private static RoundJson ToJson(EscalationRound r) =>
        new(
            r.RaisedAt,
            r.Trigger.ToString(),
            r.RaisedBy?.Value,
            r.Reason,
            r.ProposedAction,
            [.. r.Decisions.Select(ToJson)],
            [.. r.Answers.Select(ToJson)],
            [.. r.Rejudgements.Select(ToJson)],
            r.RaisedToNextLevelAt,
            r.Closure.At,
            r.Closure.Why,
            r.Closure.By?.Value
        );

    private static EscalationRound ToDomain(RoundJson r) =>
        new(
            r.RaisedAt,
            Enum.Parse<EscalationTrigger>(r.Trigger),
            r.RaisedBy is null ? null : PersonId.Parse(r.RaisedBy),
            r.Reason,
            r.ProposedAction,
            [.. r.Decisions.Select(ToDomain)],
            [.. r.Answers.Select(ToDomain)],
            [.. r.Rejudgements.Select(ToDomain)],
            r.RaisedToNextLevelAt,
            new EscalationClosure(r.ClosedAt, r.ClosedWhy, r.ClosedBy is null ? null : PersonId.Parse(r.ClosedBy))
        );

    private sealed record RejudgementJson(DateTimeOffset At, string From, string To);

    private sealed record RoundJson(
        DateTimeOffset RaisedAt,
        string Trigger,
        string? RaisedBy,
        string? Reason,
        string? ProposedAction,
        List<DecisionJson> Decisions,
        List<AnswerJson> Answers,
        List<RejudgementJson> Rejudgements,
        DateTimeOffset? RaisedToNextLevelAt,
        DateTimeOffset ClosedAt,
        string ClosedWhy,
        string? ClosedBy
    );

    private sealed record DecisionJson(string Kind, string By, DateTimeOffset At, string? Note, DateOnly? Until);

    private sealed record AnswerJson(string By, DateTimeOffset At, string Text);
}
