using System.ComponentModel.DataAnnotations;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Status;

namespace PmfBot;

/// <summary>How the council judges a figure, where the framework leaves it to the council.</summary>
public sealed class StatusOptions : IValidatableObject
{
    public const string SectionName = "Status";

    /// <summary>
    /// Within how much of the earlier figure direction of travel counts as "stable": "1%" (of the
    /// earlier figure) or an amount in the measure's unit ("0.5").
    /// </summary>
    public string StableBand { get; set; } = Margin.DefaultStableBand.ToString();

    /// <summary>Which updates must carry commentary: Always (the PMF's reporting format), or WhenOffTarget.</summary>
    public CommentaryPolicy Commentary { get; set; } = StatusPolicy.Default.Commentary;

    /// <summary>
    /// The tolerance a catalogue import gives a measure whose row leaves it blank: "5%" or an amount.
    /// </summary>
    public string DefaultTolerance { get; set; } = Margin.DefaultTolerance.ToString();

    public StatusPolicy ToPolicy() => new(Read(StableBand), Commentary);

    public Margin ToTolerance() => Read(DefaultTolerance);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Margin.TryParse(StableBand, out var band) || band.Amount < 0)
        {
            yield return new ValidationResult(
                $"Status:StableBand \"{StableBand}\" must be a percentage (\"1%\") or an amount (\"0.5\").",
                [nameof(StableBand)]
            );
        }

        if (!Margin.TryParse(DefaultTolerance, out var tolerance) || tolerance.Amount < 0)
        {
            yield return new ValidationResult(
                $"Status:DefaultTolerance \"{DefaultTolerance}\" must be a percentage (\"5%\") or an amount (\"2\").",
                [nameof(DefaultTolerance)]
            );
        }

        if (!Enum.IsDefined(Commentary))
        {
            yield return new ValidationResult(
                "Status:Commentary must be Always or WhenOffTarget.",
                [nameof(Commentary)]
            );
        }
    }

    private static Margin Read(string text) =>
        Margin.TryParse(text, out var margin)
            ? margin
            : throw new InvalidOperationException($"\"{text}\" is not a margin.");
}
