using System.Diagnostics.Metrics;
using PmfBot.Domain.Deadlines;
using PmfBot.Domain.Escalations;
using PmfBot.Domain.Status;

namespace PmfBot.Telemetry;

/// <summary>
/// The update cycle as numbers a council's IT and performance teams can chart: prompts sent,
/// figures answered (on time or late), updates overdue, escalations raised and decided, digests
/// posted. Tags are small closed sets (a kind, a status), never a person or a measure.
/// </summary>
public sealed class PmfMetrics
{
    /// <summary>The meter's name, for an OpenTelemetry exporter to listen to.</summary>
    public const string MeterName = "PmfBot";

    private readonly Counter<long> _promptsSent;
    private readonly Counter<long> _updatesAnswered;
    private readonly Gauge<int> _updatesOverdue;
    private readonly Counter<long> _escalationsRaised;
    private readonly Counter<long> _escalationsDecided;
    private readonly Counter<long> _digests;

    public PmfMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _promptsSent = meter.CreateCounter<long>(
            "pmfbot.prompts.sent",
            "{prompt}",
            "Update prompts, reminders, overdue chasers and Head of Service chases delivered, by subject and kind."
        );
        _updatesAnswered = meter.CreateCounter<long>(
            "pmfbot.updates.answered",
            "{update}",
            "Figures recorded for a measure's period, by timeliness (on_time, late) and status."
        );
        _updatesOverdue = meter.CreateGauge<int>(
            "pmfbot.updates.overdue",
            "{update}",
            "Updates past their deadline with no figure, as of the last due scan."
        );
        _escalationsRaised = meter.CreateCounter<long>(
            "pmfbot.escalations.raised",
            "{escalation}",
            "Escalations raised to an escalation owner, by trigger."
        );
        _escalationsDecided = meter.CreateCounter<long>(
            "pmfbot.escalations.decided",
            "{decision}",
            "Escalation owners' decisions, by kind."
        );
        _digests = meter.CreateCounter<long>(
            "pmfbot.digests",
            "{digest}",
            "Weekly digests owed to channels, by outcome (posted, posted_late, failed, paused)."
        );
    }

    /// <param name="subject">"measure" or "activity" (a project or action plan's progress report).</param>
    public void PromptSent(string subject, PromptKind kind) =>
        _promptsSent.Add(1, Tag("pmfbot.prompt.subject", subject), Tag("pmfbot.prompt.kind", Name(kind)));

    public void UpdateAnswered(bool late, RagStatus? status) =>
        _updatesAnswered.Add(
            1,
            Tag("pmfbot.update.timeliness", late ? "late" : "on_time"),
            Tag("pmfbot.update.status", status is { } s ? Name(s) : "no_target")
        );

    public void UpdatesOverdue(int count) => _updatesOverdue.Record(count);

    public void EscalationRaised(EscalationTrigger trigger) =>
        _escalationsRaised.Add(1, Tag("pmfbot.escalation.trigger", Name(trigger)));

    public void EscalationDecided(DecisionKind kind) =>
        _escalationsDecided.Add(1, Tag("pmfbot.decision.kind", Name(kind)));

    /// <param name="outcome">posted, posted_late (a posting missed while the bot was down), failed or paused.</param>
    public void Digest(string outcome) => _digests.Add(1, Tag("pmfbot.digest.outcome", outcome));

    private static KeyValuePair<string, object?> Tag(string name, string value) => new(name, value);

    // snake_case, as OpenTelemetry's conventions write attribute values.
    private static string Name<T>(T value)
        where T : struct, Enum => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
