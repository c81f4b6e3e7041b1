namespace PmfBot.Domain.Catalogue;

/// <summary>Progress of an action, project or milestone from the Annual Action Plan or a service plan.</summary>
public enum PlanActivityStatus
{
    NotStarted,
    OnTrack,

    /// <summary>Slightly off track.</summary>
    AtRisk,

    /// <summary>Significantly off track: for the escalation owner.</summary>
    OffTrack,
    Completed,

    /// <summary>Terminated by the escalation owner.</summary>
    Stopped,
}

/// <summary>A dated step of an activity ("Food waste rolled out to the east of the district by Q3").</summary>
public sealed record Milestone(string Title, DateOnly DueDate, PlanActivityStatus Status);

/// <summary>An action or project with an owner, a due date and milestones, reviewed at least quarterly.</summary>
public sealed record PlanActivity
{
    /// <summary>Activities are reviewed at least this often (PMF: "at least quarterly").</summary>
    public static readonly TimeSpan ReviewInterval = TimeSpan.FromDays(92);

    public required string Code { get; init; }
    public required string Title { get; init; }
    public required string ServiceCode { get; init; }
    public required PersonId Owner { get; init; }
    public required DateOnly DueDate { get; init; }
    public PlanActivityStatus Status { get; init; } = PlanActivityStatus.NotStarted;
    public string? Commentary { get; init; }
    public IReadOnlyList<Milestone> Milestones { get; init; } = [];
    public IReadOnlyList<string> PriorityCodes { get; init; } = [];

    public bool IsClosed => Status is PlanActivityStatus.Completed or PlanActivityStatus.Stopped;

    /// <summary>Past its due date and not finished.</summary>
    public bool IsOverdueOn(DateOnly today) => !IsClosed && today > DueDate;

    /// <summary>Milestones whose date has passed without being completed.</summary>
    public IEnumerable<Milestone> MissedMilestonesOn(DateOnly today) =>
        Milestones.Where(m =>
            m.DueDate < today && m.Status is not (PlanActivityStatus.Completed or PlanActivityStatus.Stopped)
        );
}
