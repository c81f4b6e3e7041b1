namespace PmfBot.Cards.Payloads;

/// <summary>
/// What a button about a scope (a service, a department, the council) carries back: the scope's key ("service:CS").
/// The digest's "Full scorecard" and the scorecard's picker write it; their handler reads it.
/// </summary>
public sealed record ScopeData(string? Scope)
{
    public const string ScopeKey = "scope";

    public IReadOnlyDictionary<string, string> ToData() =>
        new Dictionary<string, string> { [ScopeKey] = Scope ?? string.Empty };

    /// <param name="field">Reads one field of the pressed button's data as text.</param>
    public static ScopeData Read(Func<string, string?> field) => new(field(ScopeKey));
}

/// <summary>
/// What "Subscribe" carries back: the scope, and the weekday and time (UK) of the digest ("Monday", "09:00").
/// </summary>
public sealed record SubscribeData(string? Scope, string? Day, string? Time)
{
    public const string DayKey = "day";
    public const string TimeKey = "time";

    public IReadOnlyDictionary<string, string> ToData() =>
        new Dictionary<string, string>
        {
            [ScopeData.ScopeKey] = Scope ?? string.Empty,
            [DayKey] = Day ?? string.Empty,
            [TimeKey] = Time ?? string.Empty,
        };

    /// <param name="field">Reads one field of the pressed button's data as text.</param>
    public static SubscribeData Read(Func<string, string?> field) =>
        new(ScopeData.Read(field).Scope, field(DayKey), field(TimeKey));
}
