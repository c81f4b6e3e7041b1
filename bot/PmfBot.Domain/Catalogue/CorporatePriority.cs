namespace PmfBot.Domain.Catalogue;

/// <summary>A Council Plan priority or outcome that measures and activities hang from (the golden thread).</summary>
public sealed record CorporatePriority(string Code, string Title);
