using System.ComponentModel.DataAnnotations;
using PmfBot.Domain.Deadlines;

namespace PmfBot.Features.Updates;

/// <summary>
/// The update cycle: the council's chasing rules and how many sends the scan keeps going. (How
/// often it runs, and how it claims, is Delivery's: <see cref="Delivery.DeliveryOptions"/>.)
/// </summary>
public sealed class UpdateCycleOptions
{
    public const string SectionName = "Updates";

    /// <summary>Days after the deadline when the Head of Service is told of an update still missing.</summary>
    [Range(1, 90, ErrorMessage = "Updates:ChaseAfterDaysOverdue must be 1 to 90 days.")]
    public int ChaseAfterDaysOverdue { get; set; } = UpdateCyclePolicy.Default.ChaseAfterDaysOverdue;

    /// <summary>Days after the deadline when a period closes to late figures and corrections.</summary>
    [Range(1, 366, ErrorMessage = "Updates:ClosesDaysAfterDeadline must be 1 to 366 days.")]
    public int ClosesDaysAfterDeadline { get; set; } = UpdateCyclePolicy.Default.ClosesDaysAfterDeadline;

    /// <summary>
    /// How many steps are claimed and in the paced sender at once: enough to keep it at Teams' pace, few enough that a
    /// claim is sent long before its lease ends.
    /// </summary>
    [Range(1, 500, ErrorMessage = "Updates:SendConcurrency must be 1 to 500.")]
    public int SendConcurrency { get; set; } = 64;

    public UpdateCyclePolicy ToPolicy() =>
        UpdateCyclePolicy.Default with
        {
            ChaseAfterDaysOverdue = ChaseAfterDaysOverdue,
            ClosesDaysAfterDeadline = ClosesDaysAfterDeadline,
        };
}
