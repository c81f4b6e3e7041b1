namespace PmfBot.Domain.Scorecards;

/// <summary>
/// A run of figures as a line of block characters ("▂▃▅▆█"): the trend at a glance, in plain text any Teams client
/// shows.
/// </summary>
public static class Sparkline
{
    private const string Blocks = "▁▂▃▄▅▆▇█";

    /// <summary>
    /// One character per value, oldest first; the lowest value is the lowest block. A flat run is a flat line.
    /// </summary>
    public static string Of(IReadOnlyList<decimal> valuesOldestFirst)
    {
        if (valuesOldestFirst.Count == 0)
        {
            return string.Empty;
        }

        var (low, high) = (valuesOldestFirst.Min(), valuesOldestFirst.Max());
        var chars = new char[valuesOldestFirst.Count];
        for (var i = 0; i < chars.Length; i++)
        {
            var step =
                high == low
                    ? 3
                    : (int)
                        Math.Round(
                            (valuesOldestFirst[i] - low) / (high - low) * (Blocks.Length - 1),
                            MidpointRounding.AwayFromZero
                        );
            chars[i] = Blocks[step];
        }

        return new string(chars);
    }
}
