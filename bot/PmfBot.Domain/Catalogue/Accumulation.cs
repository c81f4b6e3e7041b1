namespace PmfBot.Domain.Catalogue;

/// <summary>What each of a measure's figures counts.</summary>
public enum Accumulation
{
    /// <summary>Each period on its own (calls answered in October).</summary>
    PerPeriod,

    /// <summary>
    /// The financial year so far (council tax collected by the end of October): it grows through the year and starts
    /// again each April, so a figure compares only with figures of its own year, or the same point of the year before.
    /// </summary>
    YearToDate,
}

public static class AccumulationText
{
    /// <summary>The catalogue's word: "year to date", or empty for per period.</summary>
    public static string ToText(this Accumulation accumulation) =>
        accumulation == Accumulation.YearToDate ? "year to date" : string.Empty;

    /// <summary>
    /// Reads the catalogue's "Cumulative" cell: empty, "no" or "per period"; "yes", "year to date", "YTD" or
    /// "cumulative".
    /// </summary>
    public static bool TryParse(string? text, out Accumulation accumulation)
    {
        var word = (text ?? string.Empty).Trim().ToLowerInvariant().Replace('-', ' ');
        (var known, accumulation) = word switch
        {
            "" or "no" or "n" or "per period" or "false" => (true, Accumulation.PerPeriod),
            "yes" or "y" or "year to date" or "ytd" or "cumulative" or "true" => (true, Accumulation.YearToDate),
            _ => (false, Accumulation.PerPeriod),
        };
        return known;
    }
}
