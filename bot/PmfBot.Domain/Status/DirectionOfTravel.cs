namespace PmfBot.Domain.Status;

/// <summary>
/// How a value compares with an earlier one, in the council's words: better or worse, not up or down.
/// </summary>
public enum DirectionOfTravel
{
    Better,

    /// <summary>Within the stable band of the earlier value.</summary>
    Stable,
    Worse,

    /// <summary>For context-only measures (no better direction): only higher or lower.</summary>
    Higher,

    /// <summary>For context-only measures (no better direction).</summary>
    Lower,

    /// <summary>No earlier value to compare with.</summary>
    NotComparable,
}
