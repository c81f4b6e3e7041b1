using PmfBot.Domain.Calendar;
using PmfBot.Domain.Catalogue;

namespace PmfBot.Domain.Deadlines;

public enum ExtensionDecision
{
    Pending,
    Approved,
    Refused,
}

/// <summary>A request for a later deadline for one measure and period, and the decision on it.</summary>
/// <remarks>
/// PMF rule: an exception to a deadline needs prior agreement from the Heads of Paid Service (or
/// the performance team acting for them). The request and its decision are both kept.
/// </remarks>
public sealed record DeadlineExtension
{
    public const int MaxReasonLength = 1000;

    public required string Id { get; init; }
    public required MeasureReference Measure { get; init; }
    public required ReportingPeriod Period { get; init; }
    public required DateOnly NewDeadline { get; init; }
    public required string Reason { get; init; }
    public required PersonId RequestedBy { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
    public ExtensionDecision Decision { get; init; } = ExtensionDecision.Pending;
    public PersonId? DecidedBy { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public string? DecisionNote { get; init; }

    /// <summary>
    /// Checks a new request against the deadline it would move. Returns the problem, or null when acceptable.
    /// </summary>
    /// <param name="latest">The last day that may be asked for (see
    /// <see cref="UpdateCyclePolicy.LatestExtensionFor"/>); null for no limit.</param>
    public static string? ProblemWithRequest(
        DateOnly newDeadline,
        string? reason,
        Deadline current,
        DateOnly? latest = null
    )
    {
        if (newDeadline <= current.Date)
        {
            return $"The new deadline must be after the current one ({current.Date:d MMM yyyy}).";
        }

        if (newDeadline > latest)
        {
            return $"The latest deadline that can be agreed is {latest:d MMM yyyy}: after that the period closes and "
                + "its figures go into the reports.";
        }

        if (!Values.WrittenText.IsPresent(reason))
        {
            return "Please give a reason: the Heads of Paid Service agree extensions on the reason given.";
        }

        return reason.Length > MaxReasonLength ? $"Please keep the reason under {MaxReasonLength} characters." : null;
    }

    /// <summary>A new request's id: short, unique, and safe in a storage key.</summary>
    public static string NewId() => Guid.NewGuid().ToString("N")[..12];

    /// <summary>Records the decision. A request is decided once; deciding again is refused.</summary>
    public DeadlineExtension Decide(bool approve, PersonId by, DateTimeOffset at, string? note)
    {
        if (Decision != ExtensionDecision.Pending)
        {
            throw new InvalidOperationException(
                $"Extension {Id} was already {Decision.ToString().ToLowerInvariant()}."
            );
        }

        return this with
        {
            Decision = approve ? ExtensionDecision.Approved : ExtensionDecision.Refused,
            DecidedBy = by,
            DecidedAt = at,
            DecisionNote = Values.WrittenText.Clean(note),
        };
    }
}
