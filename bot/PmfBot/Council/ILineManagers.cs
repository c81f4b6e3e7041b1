using PmfBot.Domain.Catalogue;

namespace PmfBot.Council;

/// <summary>
/// Who people report to, from the council's directory: who is chased about a long-overdue update
/// when the measure's service has no Head of Service. Registered only with Graph on.
/// </summary>
public interface ILineManagers
{
    /// <summary>The person's line manager, or null when the directory names none or can't be asked now.</summary>
    Task<Person?> ManagerOfAsync(Person person, CancellationToken cancellationToken);
}
