using System.ComponentModel.DataAnnotations;

namespace PmfBot.Features.Demo;

/// <summary>The demo council, for local runs and the Playground. Off unless asked for.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>Seed Northmere District Council (catalogue and two years of history) when the host starts.</summary>
    public bool SeedOnStart { get; set; }

    /// <summary>The date the demo's history runs up to, as yyyy-MM-dd; today (UK) when empty.</summary>
    [RegularExpression(@"^\d{4}-\d{2}-\d{2}$", ErrorMessage = "Demo:AsOf must be a date written yyyy-MM-dd.")]
    public string? AsOf { get; set; }
}
