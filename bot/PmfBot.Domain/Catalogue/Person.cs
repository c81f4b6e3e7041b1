namespace PmfBot.Domain.Catalogue;

/// <summary>
/// Someone with a performance responsibility: an owner, a delegate, an escalation owner, a Head of Service.
/// </summary>
/// <param name="AadObjectId">The person's Entra object id, once known (Teams sends it as
/// <c>from.aadObjectId</c>).</param>
public sealed record Person(PersonId Id, string Name, string? AadObjectId = null);
