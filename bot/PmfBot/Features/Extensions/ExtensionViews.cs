using PmfBot.Cards.Extensions;
using PmfBot.Cards.Payloads;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;
using PmfBot.Wording;

namespace PmfBot.Features.Extensions;

/// <summary>
/// Who a card about an extension request is for: the deciders see buttons while it is pending; the requester and owner
/// see where it stands.
/// </summary>
public enum ExtensionAudience
{
    Decider,
    Requester,
}

/// <summary>Extension requests in words, for the cards.</summary>
public static class ExtensionViews
{
    public static ExtensionView Of(
        DeadlineExtension request,
        Measure measure,
        CouncilCatalogue council,
        Deadline deadline,
        ExtensionAudience audience,
        string? notice = null
    )
    {
        var original = deadline.ExtendedFrom ?? deadline.Date;
        var later = request.NewDeadline.DayNumber - original.DayNumber;
        var headline = (request.Decision, audience) switch
        {
            (ExtensionDecision.Pending, ExtensionAudience.Decider) => $"Extension requested: {measure.Reference}",
            (ExtensionDecision.Pending, _) => "Extension requested: waiting for a decision",
            (ExtensionDecision.Approved, _) => "Extension approved",
            _ => "Extension refused",
        };
        var decider = request.DecidedBy is { } by ? council.NameOf(by) : null;
        var note = request.DecisionNote is { } n ? $" Note: {n}" : string.Empty;
        var decision = request.Decision switch
        {
            ExtensionDecision.Approved =>
                $"Approved by {decider} at {Dates.When(request.DecidedAt!.Value)}. The deadline is now "
                    + $"{Dates.LongDate(request.NewDeadline)}.{note}",
            ExtensionDecision.Refused =>
                $"Refused by {decider} at {Dates.When(request.DecidedAt!.Value)}. The deadline stays "
                    + $"{Dates.LongDate(original)}.{note}",
            _ => null,
        };
        return new ExtensionView(
            headline,
            measure.Reference.Value,
            measure.Title,
            request.Period.ToString(),
            $"{council.NameOf(request.RequestedBy)} at {Dates.When(request.RequestedAt)}",
            Dates.LongDate(original),
            $"{Dates.LongDate(request.NewDeadline)} ({later} day{(later == 1 ? string.Empty : "s")} later)",
            request.Reason,
            decision,
            request.Decision switch
            {
                ExtensionDecision.Approved => true,
                ExtensionDecision.Refused => false,
                _ => null,
            },
            audience == ExtensionAudience.Decider && request.Decision == ExtensionDecision.Pending
                ? DecideData(request)
                : null,
            notice
        );
    }

    public static ExtensionRequestView Form(
        Measure measure,
        ReportingPeriod period,
        Deadline deadline,
        DateOnly latest,
        string approvers,
        string? newDeadline = null,
        string? reason = null,
        IReadOnlyList<string>? problems = null
    ) =>
        new(
            measure.Reference.Value,
            measure.Title,
            period.ToString(),
            Dates.LongDate(deadline.Date),
            deadline.Date.AddDays(1).ToString("yyyy-MM-dd"),
            latest.ToString("yyyy-MM-dd"),
            approvers,
            new MeasurePeriodData(measure.Reference.Value, period.Code).ToData(),
            newDeadline,
            reason,
            problems
        );

    private static IReadOnlyDictionary<string, string> DecideData(DeadlineExtension request) =>
        new ExtensionData(request.Measure.Value, request.Period.Code, request.Id).ToData();
}
