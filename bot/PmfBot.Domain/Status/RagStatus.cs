namespace PmfBot.Domain.Status;

/// <summary>Red / Amber / Green against target.</summary>
public enum RagStatus
{
    /// <summary>On track: meets or beats the target.</summary>
    Green,

    /// <summary>Slightly off track: misses the target but within tolerance.</summary>
    Amber,

    /// <summary>Significantly off track: worse than the tolerance band.</summary>
    Red,
}

public static class RagStatusText
{
    public static string Describe(this RagStatus status) =>
        status switch
        {
            RagStatus.Green => "Green: on track",
            RagStatus.Amber => "Amber: slightly off track",
            _ => "Red: significantly off track",
        };
}
