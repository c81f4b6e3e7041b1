namespace PmfBot.Features.Catalogue;

public enum RowOutcome
{
    Added,
    Changed,
    Unchanged,
    Refused,
}

/// <summary>What happened to one spreadsheet row, and why, in words for the performance team.</summary>
/// <param name="Details">For a change: what changed; for a refusal: every reason; also structure added with it ("new
/// service Waste").</param>
public sealed record ImportRowReport(int Row, string Reference, RowOutcome Outcome, IReadOnlyList<string> Details);

/// <summary>The whole import's report. A dry run's report says what would happen; nothing was written.</summary>
public sealed record ImportReport(
    string Source,
    bool DryRun,
    IReadOnlyList<ImportRowReport> Rows,
    IReadOnlyList<string> FileProblems
)
{
    public int Count(RowOutcome outcome) => Rows.Count(r => r.Outcome == outcome);

    public bool HasRefusals => FileProblems.Count > 0 || Count(RowOutcome.Refused) > 0;

    public string Summary =>
        FileProblems.Count > 0
            ? $"{Source}: not imported. {string.Join(" ", FileProblems)}"
            : $"{Source}{(DryRun ? " (dry run: nothing written)" : string.Empty)}: {Count(RowOutcome.Added)} added, "
                + $"{Count(RowOutcome.Changed)} changed, {Count(RowOutcome.Unchanged)} unchanged, "
                + $"{Count(RowOutcome.Refused)} refused.";
}
