using PmfBot.Domain.Results;

namespace PmfBot.Storage.Results;

/// <summary>What happened to a first recording. A closed set.</summary>
public abstract record RecordOutcome
{
    private RecordOutcome() { }

    public sealed record Recorded(MeasureResult Result) : RecordOutcome;

    /// <summary>A value was already recorded for that measure and period: nothing was overwritten.</summary>
    public sealed record AlreadyRecorded(MeasureResult Existing) : RecordOutcome;
}

/// <summary>What happened to a correction. A closed set.</summary>
public abstract record CorrectionOutcome
{
    private CorrectionOutcome() { }

    public sealed record Corrected(MeasureResult Result) : CorrectionOutcome;

    /// <summary>
    /// The value changed since the person saw it (another correction landed first): nothing was written.
    /// </summary>
    public sealed record ChangedSinceRead(MeasureResult Current) : CorrectionOutcome;

    /// <summary>There is no recorded value to correct.</summary>
    public sealed record NothingRecorded : CorrectionOutcome;
}
