namespace PmfBot.Domain.Catalogue;

/// <summary>
/// A council department, led by a Chief Officer who is the escalation owner for its services by default.
/// </summary>
public sealed record Department(string Code, string Name, PersonId ChiefOfficer);
