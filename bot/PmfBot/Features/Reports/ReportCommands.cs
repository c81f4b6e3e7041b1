using System.Globalization;
using System.Text.RegularExpressions;
using PmfBot.Bot;
using PmfBot.Cards.Reports;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Digests;
using PmfBot.Wording;

namespace PmfBot.Features.Reports;

/// <summary>
/// "export Q2 2026/27", "quarterly report Q2 for Waste", "report Oct 2026 for the Place
/// department": a period's results as a spreadsheet for Cabinet and Overview &amp; Scrutiny,
/// per service, department or the whole council, offered as a short-lived download link.
/// </summary>
public sealed partial class ReportCommands(
    ResultsExporter exporter,
    ReportLinks links,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<ReportOptions> options
)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Reads a request for a report; null for other text.</summary>
    public async Task<TurnAnswer?> TypedAsync(Turn turn)
    {
        if (ReportPattern().Match(turn.Text.Trim().TrimEnd('.', '!', '?')) is not { Success: true } match)
        {
            return null;
        }

        if (turn.Person is null)
        {
            return TurnAnswer.Say(
                "Reports are for the council's staff in the performance catalogue, and I can't find you there. The "
                    + "performance team can add you."
            );
        }

        var today = UkTime.DateAt(time.GetUtcNow());
        var periodText = match.Groups["period"].Value.Trim();
        var scopeText = match.Groups["scope"].Value.Trim();
        if (periodText.Length == 0 && TrailingPeriod(scopeText, today) is var (scopePart, periodPart))
        {
            // "quarterly report for Place Q2": the period after the scope.
            (scopeText, periodText) = (scopePart, periodPart);
        }

        if (PeriodFrom(periodText, today) is not { } period)
        {
            return TurnAnswer.Say(
                $"\"{periodText}\" isn't a period I know. {ReportingPeriod.Examples} Or just \"export\" for the last "
                    + "quarter."
            );
        }

        DigestScope scope;
        switch (
            scopeText.Length == 0
                ? new ScopeMatch.Found(DigestScope.WholeCouncil)
                : ScopeFinder.Find(scopeText, turn.Catalogue)
        )
        {
            case ScopeMatch.Found found:
                scope = found.Scope;
                break;
            case ScopeMatch.Unsure unsure:
                return TurnAnswer.Say(
                    $"\"{scopeText}\" could be "
                        + $"{string.Join(" or ", unsure.Choices.Select(c => c.TypedIn(turn.Catalogue)))}: please ask "
                        + "again with the one you mean."
                );
            default:
                return TurnAnswer.Say(
                    $"I don't know a service or department called \"{scopeText}\". {ScopeWords.Known(turn.Catalogue)}"
                );
        }

        // Counted here; the link's file is written when it is clicked, from the figures as they are then.
        var rows = await exporter.ReadAsync(turn.Catalogue, period, scope, turn.Cancellation);
        var (measures, noReturn) = (rows.Count, rows.Count(r => r.Result is null));
        var expires = time.GetUtcNow() + options.Value.LinkLifetime;
        var name = scope.Kind == ScopeKind.Council ? "the whole council" : scope.TypedIn(turn.Catalogue);
        return TurnAnswer.Of(
            ReportCard.Build(
                new ReportView(
                    $"{period} report: {char.ToUpperInvariant(name[0])}{name[1..]}",
                    measures == 0
                        ? $"No measures in {name} report for {period}: the file will have only its headings."
                        : $"{(measures == 1 ? "1 measure" : $"{measures} measures")}, "
                            + $"{(noReturn == 0 ? "all with figures" : $"{noReturn} with no return yet")}. One row "
                            + "each: target, value, status, direction of travel, the same period last year, "
                            + "commentary and action note, owner."
                            + (
                                scope.PlanActivitiesIn(turn.Catalogue).Count is var n and > 0
                                    ? $" The {(n == 1 ? "activity" : $"{n} activities")} and milestones are a file of "
                                        + "their own."
                                    : string.Empty
                            ),
                    $"The link works until {UkTime.LocalAt(expires).ToString("HH:mm 'on' d MMM yyyy", English)} (UK "
                        + "time); ask again for a fresh one.",
                    links.LinkFor(new ReportRequest(period, scope))
                )
                {
                    PlanActivitiesDownload =
                        scope.PlanActivitiesIn(turn.Catalogue).Count > 0
                            ? links.LinkFor(new ReportRequest(period, scope, ReportPart.PlanActivities))
                            : null,
                    WorkbookDownload = links.LinkFor(new ReportRequest(period, scope, ReportPart.Workbook)),
                }
            )
        );
    }

    /// <summary>
    /// The longest run of words at the end of "Place Q2 2026/27" that is a period, and what is left before it; null
    /// when none is (or nothing would be left of the scope).
    /// </summary>
    private static (string Scope, string Period)? TrailingPeriod(string text, DateOnly today)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var from = 1; from < words.Length; from++)
        {
            var period = string.Join(' ', words[from..]);
            if (PeriodFrom(period, today) is not null)
            {
                return (string.Join(' ', words[..from]), period);
            }
        }

        return null;
    }

    /// <summary>
    /// "Q2 2026/27" as written; "Q2" alone is the latest second quarter that has ended; empty is the last quarter
    /// ended.
    /// </summary>
    private static ReportingPeriod? PeriodFrom(string text, DateOnly today)
    {
        var lastQuarter = ReportingPeriod.Containing(today, PeriodKind.Quarter).Previous;
        if (text.Length == 0 || text.Equals("last quarter", StringComparison.OrdinalIgnoreCase))
        {
            return lastQuarter;
        }

        if (ReportingPeriod.TryParse(text, out var period))
        {
            return period;
        }

        if (QuarterAlone().Match(text) is { Success: true } q)
        {
            var number = q.Groups["n"].Value[0] - '0';
            var candidate = ReportingPeriod.Quarter(lastQuarter.Year, number);
            return candidate > lastQuarter ? ReportingPeriod.Quarter(lastQuarter.Year.Previous, number) : candidate;
        }

        return null;
    }

    // "export", "export Q2 2026/27", "quarterly report for Waste", "report Oct 2026 for the Place department", "cabinet
    // report Q2"
    [GeneratedRegex(
        @"^(?:export|download|(?:quarterly|cabinet|scrutiny|performance)\s+report|report)"
            + @"(?:\s+(?<period>(?:(?!\bfor\b).)+?))?(?:\s+for\s+(?<scope>.+))?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant
    )]
    private static partial Regex ReportPattern();

    [GeneratedRegex(@"^q(?<n>[1-4])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuarterAlone();
}
