using PmfBot.Domain.Calendar;

namespace PmfBot.Domain.People;

/// <summary>
/// How long personal data that is not the council's performance record is kept: cover arrangements
/// once they have ended, and the record of a leaver once nothing in the catalogue names them.
/// </summary>
/// <param name="EndedCoverDays">Days a delegation or snooze is kept after it ended.</param>
/// <param name="LeaverDays">Days a leaver's record is kept at least, and then until the catalogue no longer names
/// them.</param>
public sealed record PersonalDataRetention(int EndedCoverDays, int LeaverDays)
{
    /// <summary>Cover that ended before this day has been kept long enough.</summary>
    public DateOnly CoverEndedBefore(DateTimeOffset now) => UkTime.DateAt(now).AddDays(-EndedCoverDays);

    /// <summary>
    /// A leaver is forgotten once their days are up and the catalogue names them nowhere: while it still does, the
    /// record keeps PmfBot from prompting them.
    /// </summary>
    public bool Forgets(Leaver leaver, bool stillNamed, DateTimeOffset now) =>
        !stillNamed && now >= leaver.NoticedAt.AddDays(LeaverDays);
}
