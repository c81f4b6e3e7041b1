using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Status;

namespace PmfBot.Domain.Results;

/// <summary>Changing a recorded value: never silent, always with a reason, always a new version.</summary>
/// <remarks>
/// PMF data quality: a published value is not silently overwritten. A correction carries who,
/// when and why; the earlier version stays in the audit trail. The judgement is taken afresh
/// (against the target that applied to the period) and snapshotted with the new version.
/// </remarks>
public static class Correction
{
    public const int MaxReasonLength = 1000;

    public static string? ProblemWithReason(string? reason) =>
        !Values.WrittenText.IsPresent(reason) ? "A correction needs a reason: the earlier figure was published."
        : reason.Length > MaxReasonLength ? $"Please keep the reason under {MaxReasonLength} characters."
        : null;

    public static (MeasureResult Corrected, AuditEntry Audit) Apply(
        MeasureResult current,
        Measure measure,
        decimal value,
        string? commentary,
        string? actionNote,
        Judgement judgement,
        PersonId by,
        DateTimeOffset at,
        string reason
    )
    {
        var problem = ProblemWithReason(reason);
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(reason));
        }

        var corrected = MeasureResult.Record(
            measure,
            current.Period,
            value,
            commentary,
            actionNote,
            judgement,
            by,
            at
        ) with
        {
            Version = current.Version + 1,
            Earlier = current.Earlier.Then(current),
        };
        return (corrected, AuditEntry.ForCorrection(current, corrected, reason.Trim()));
    }
}
