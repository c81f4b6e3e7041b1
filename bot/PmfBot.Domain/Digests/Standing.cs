using PmfBot.Domain.Results;
using PmfBot.Domain.Status;

namespace PmfBot.Domain.Digests;

/// <summary>Where a measure stands on its latest figure: its RAG, no target, or no figure at all.</summary>
public enum Standing
{
    Green,
    Amber,
    Red,

    /// <summary>A context-only measure (no target): reported, not judged.</summary>
    NoTarget,

    /// <summary>Nothing recorded yet.</summary>
    NoFigure,
}

public static class StandingRules
{
    public static Standing Of(MeasureResult? latest) =>
        latest is null
            ? Standing.NoFigure
            : latest.Rag switch
            {
                RagStatus.Green => Standing.Green,
                RagStatus.Amber => Standing.Amber,
                RagStatus.Red => Standing.Red,
                _ => Standing.NoTarget,
            };

    /// <summary>
    /// The latest period's figure as it was known at an instant: the newest period among figures
    /// recorded by then, each as it stood then (a later correction doesn't recolour it). What a
    /// reader of last week's digest saw.
    /// </summary>
    public static MeasureResult? LatestKnownAt(IReadOnlyList<MeasureResult> history, DateTimeOffset at)
    {
        MeasureResult? latest = null;
        foreach (var result in history)
        {
            if ((latest is null || result.Period > latest.Period) && result.AsKnownAt(at) is { } known)
            {
                latest = known;
            }
        }

        return latest;
    }

    public static string Words(this Standing standing) =>
        standing switch
        {
            Standing.NoTarget => "No target",
            Standing.NoFigure => "No figure",
            _ => standing.ToString(),
        };
}

/// <summary>How many measures stand where.</summary>
public sealed record StandingCounts(int Green, int Amber, int Red, int NoTarget, int NoFigure)
{
    public static StandingCounts Of(IEnumerable<Standing> standings)
    {
        int green = 0,
            amber = 0,
            red = 0,
            noTarget = 0,
            noFigure = 0;
        foreach (var s in standings)
        {
            switch (s)
            {
                case Standing.Green:
                    green++;
                    break;
                case Standing.Amber:
                    amber++;
                    break;
                case Standing.Red:
                    red++;
                    break;
                case Standing.NoTarget:
                    noTarget++;
                    break;
                default:
                    noFigure++;
                    break;
            }
        }

        return new(green, amber, red, noTarget, noFigure);
    }

    public int this[Standing standing] =>
        standing switch
        {
            Standing.Green => Green,
            Standing.Amber => Amber,
            Standing.Red => Red,
            Standing.NoTarget => NoTarget,
            _ => NoFigure,
        };
}
