namespace PmfBot.Domain.Status;

/// <summary>
/// Everything the PMF says about one value: status against target, direction of travel, and what the update must carry.
/// </summary>
/// <param name="Thresholds">Target and tolerance used; null when there was no target (or no better direction).</param>
/// <param name="Rag">Null when there is no target: status then comes from <see cref="VsPrevious"/> alone.</param>
public sealed record Judgement(
    Thresholds? Thresholds,
    RagStatus? Rag,
    Comparison VsPrevious,
    Comparison VsSamePeriodLastYear,
    UpdateRequirements Requirements
)
{
    /// <summary>
    /// True for a result that needs management attention: below target, or worsening where no target is set.
    /// </summary>
    public bool IsOffTrack =>
        Rag is RagStatus.Amber or RagStatus.Red || (Rag is null && VsPrevious.Direction == DirectionOfTravel.Worse);
}
