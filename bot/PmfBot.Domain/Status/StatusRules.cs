using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;

namespace PmfBot.Domain.Status;

/// <summary>The council's settings for judging values.</summary>
/// <param name="StableBand">How close to an earlier value counts as "about the same". Default: within 1%.</param>
public sealed record StatusPolicy(Margin StableBand, CommentaryPolicy Commentary)
{
    public static StatusPolicy Default { get; } = new(Margin.DefaultStableBand, CommentaryPolicy.Always);
}

/// <summary>
/// Judges a value: RAG against target and tolerance, direction of travel, and whether an action note is required.
/// </summary>
/// <remarks>
/// PMF rule: where performance is below target — or, with no target set, moving the wrong way —
/// the update must include an action note (a management progress report). A measure with no
/// better direction (context only) is never below target and never worsening.
/// </remarks>
public static class StatusRules
{
    public static Judgement Judge(
        Measure measure,
        ReportingPeriod period,
        decimal value,
        decimal? previousValue,
        decimal? samePeriodLastYearValue,
        StatusPolicy policy
    )
    {
        var thresholds = Thresholds.For(measure, period);
        var rag = thresholds?.Rate(value);
        var vsPrevious = Comparison.For(measure, period, value, period.Previous, previousValue, policy.StableBand);
        var vsLastYear = Comparison.For(
            measure,
            period,
            value,
            period.SamePeriodLastYear,
            samePeriodLastYearValue,
            policy.StableBand
        );

        string? actionNoteReason = null;
        if (rag is RagStatus.Amber or RagStatus.Red)
        {
            actionNoteReason = $"Below target ({measure.Format(thresholds!.Target)}): an action note is required.";
        }
        else if (rag is null && measure.Polarity != Polarity.None && vsPrevious.Direction == DirectionOfTravel.Worse)
        {
            actionNoteReason = $"Worse than {period.Previous} with no target set: an action note is required.";
        }

        var commentaryRequired = policy.Commentary == CommentaryPolicy.Always || actionNoteReason is not null;
        return new Judgement(
            thresholds,
            rag,
            vsPrevious,
            vsLastYear,
            new UpdateRequirements(commentaryRequired, actionNoteReason is not null, actionNoteReason)
        );
    }
}
