using System.ComponentModel.DataAnnotations;

namespace PmfBot.Features.Reports;

/// <summary>Where people download reports from, and for how long a link works.</summary>
public sealed class ReportOptions : IValidatableObject
{
    public const string SectionName = "Reports";

    /// <summary>
    /// The address people's browsers reach PmfBot at ("https://pmfbot.northmere.gov.uk"). Empty:
    /// App Service's own host name (WEBSITE_HOSTNAME), else the address the host listens on.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>How long a download link works. Short, because the link is all it takes.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BaseUrl is { IsAbsoluteUri: false } or { Scheme: not ("http" or "https") })
        {
            yield return new ValidationResult(
                "Reports:BaseUrl must be an absolute http(s) address, like https://pmfbot.northmere.gov.uk.",
                [nameof(BaseUrl)]
            );
        }

        if (LinkLifetime < TimeSpan.FromMinutes(1) || LinkLifetime > TimeSpan.FromDays(7))
        {
            yield return new ValidationResult(
                "Reports:LinkLifetime must be between 00:01:00 and 7.00:00:00.",
                [nameof(LinkLifetime)]
            );
        }
    }
}
