using System.ComponentModel.DataAnnotations;

namespace PmfBot;

/// <summary>Who the bot works for.</summary>
public sealed class CouncilOptions
{
    public const string SectionName = "Council";

    /// <summary>The council's name as its people say it: "Northmere District Council".</summary>
    [Required(ErrorMessage = "Council:Name is required (e.g. Northmere District Council).")]
    [StringLength(100, MinimumLength = 2, ErrorMessage = "Council:Name must be 2 to 100 characters.")]
    public string Name { get; set; } = string.Empty;
}
