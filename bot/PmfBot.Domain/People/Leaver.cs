using PmfBot.Domain.Catalogue;

namespace PmfBot.Domain.People;

/// <summary>How PmfBot learned that someone has left the council.</summary>
public enum LeavingReason
{
    /// <summary>The directory (Microsoft Graph) has their account disabled.</summary>
    AccountDisabled,

    /// <summary>The directory no longer has them at all.</summary>
    RemovedFromDirectory,

    /// <summary>The performance team said so ("person left" on the admin command line).</summary>
    MarkedByPerformanceTeam,
}

/// <summary>
/// Someone who has left: PmfBot no longer prompts, reminds or chases them, keeps no way of reaching
/// them, and ends the delegations they gave or held. Kept (by the retention job) until the catalogue
/// no longer names them.
/// </summary>
/// <param name="Name">Their name when they left, for the performance team's messages.</param>
/// <param name="ToldTo">The performance team members already told about it (the notice goes once to each).</param>
public sealed record Leaver(
    PersonId Person,
    string Name,
    DateTimeOffset NoticedAt,
    LeavingReason Why,
    IReadOnlyList<PersonId> ToldTo
)
{
    /// <summary>"their account is disabled in the directory", for a sentence about them.</summary>
    public string WhyInWords =>
        Why switch
        {
            LeavingReason.AccountDisabled => "their account is disabled in the directory",
            LeavingReason.RemovedFromDirectory => "they are no longer in the directory",
            _ => "the performance team marked them as left",
        };
}
