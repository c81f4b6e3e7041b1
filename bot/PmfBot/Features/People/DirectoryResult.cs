namespace PmfBot.Features.People;

/// <summary>What asking the directory came to. A closed set; each failure says, in words for IT, what to do.</summary>
public abstract record DirectoryResult<T>
{
    private DirectoryResult() { }

    public sealed record Found(T Value) : DirectoryResult<T>;

    /// <summary>No such person, manager, team or app (404, or an empty search).</summary>
    public sealed record NotFound(string Reason) : DirectoryResult<T>;

    /// <summary>
    /// 403: the app registration lacks <paramref name="Permission"/> (an application permission, with admin consent).
    /// </summary>
    public sealed record MissingPermission(string Permission, string Reason) : DirectoryResult<T>;

    /// <summary>429 even after the Graph client waited out Retry-After and tried again.</summary>
    public sealed record Throttled(string Reason) : DirectoryResult<T>;

    public sealed record Failed(string Reason) : DirectoryResult<T>;
}
