namespace PmfBot.Domain.Catalogue;

/// <summary>A service (business unit) within a department; every measure and activity belongs to one.</summary>
/// <param name="HeadOfService">Who keeps the service's data up to date, so who overdue updates are chased to;
/// optional.</param>
public sealed record Service(string Code, string Name, string DepartmentCode, PersonId? HeadOfService = null);
