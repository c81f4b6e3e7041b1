namespace PmfBot.Features.Demo;

/// <summary>
/// How a demo measure's history moves: from <paramref name="Start"/> two years ago to <paramref name="End"/> now.
/// </summary>
/// <param name="Noise">Period-to-period wobble (deterministic: seeded by the measure's reference).</param>
/// <param name="Seasonal">Swing over the year, highest in July (garden waste, leisure visits).</param>
/// <param name="RelativeToTarget">Start and End are offsets from each period's target (profiled collection
/// rates).</param>
public sealed record DemoStory(
    decimal Start,
    decimal End,
    decimal Noise,
    decimal Seasonal,
    bool RelativeToTarget = false
);
