using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Digests;

namespace PmfBot.Features.Reports;

/// <summary>Which file of a period's report a link downloads.</summary>
public enum ReportPart
{
    /// <summary>Each measure's result for the period.</summary>
    Measures,

    /// <summary>Each activity and its milestones, as they stood at the period's end.</summary>
    PlanActivities,

    /// <summary>The whole report as one workbook (<see cref="Workbooks.QuarterlyWorkbook"/>).</summary>
    Workbook,
}

/// <summary>What a download link asks for: a period's report (its measures, or its activities) for a scope.</summary>
public sealed record ReportRequest(ReportingPeriod Period, DigestScope Scope, ReportPart Part = ReportPart.Measures);

/// <summary>
/// Download links for reports: the request and an expiry, encrypted and signed with ASP.NET
/// Core Data Protection, so a link can't be forged or altered, and stops working after
/// <see cref="ReportOptions.LinkLifetime"/> (by the bot's clock).
/// </summary>
/// <remarks>
/// Several instances read each other's links because they share one key ring (KeyRing/KeyRingStartup).
/// </remarks>
public sealed class ReportLinks(
    IDataProtectionProvider protection,
    TimeProvider time,
    IOptions<ReportOptions> options,
    PublicAddress address
)
{
    private readonly IDataProtector _protector = protection.CreateProtector("PmfBot.Reports.Link.v1");

    public Uri LinkFor(ReportRequest request)
    {
        var payload = JsonSerializer.Serialize(
            new Payload(
                request.Period.Code,
                request.Scope.Key,
                (time.GetUtcNow() + options.Value.LinkLifetime).ToUnixTimeSeconds(),
                request.Part switch
                {
                    ReportPart.PlanActivities => ActivitiesPart,
                    ReportPart.Workbook => WorkbookPart,
                    _ => null,
                }
            )
        );
        return new Uri(address.Base, $"reports/{_protector.Protect(payload)}");
    }

    /// <summary>
    /// The request a link carries, or why it can't be served (in words for the person who clicked it).
    /// </summary>
    public (ReportRequest? Request, string? Problem) Read(string token)
    {
        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(_protector.Unprotect(token));
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            payload = null;
        }

        if (
            payload is null
            || !ReportingPeriod.TryParseCode(payload.P, out var period)
            || !DigestScope.TryParseKey(payload.S, out var scope)
        )
        {
            return (null, "This link isn't one PmfBot made, or it was cut short. Ask PmfBot for the report again.");
        }

        return time.GetUtcNow().ToUnixTimeSeconds() > payload.E
            ? (
                null,
                "This link has expired. Ask PmfBot for the report again: links work for a short time, because the link "
                    + "is all it takes."
            )
            : (
                new ReportRequest(
                    period,
                    scope,
                    payload.K switch
                    {
                        ActivitiesPart => ReportPart.PlanActivities,
                        WorkbookPart => ReportPart.Workbook,
                        _ => ReportPart.Measures,
                    }
                ),
                null
            );
    }

    private const string ActivitiesPart = "activities";
    private const string WorkbookPart = "workbook";

    // K names the part; links made before activities had one carry none, and are the measures'.
    private sealed record Payload(string P, string S, long E, string? K = null);
}
