namespace PmfBot.Domain.Catalogue;

/// <summary>A person in the council, identified by their work email / user principal name.</summary>
/// <remarks>
/// The performance team knows people by email, so the catalogue does too; the Entra object id
/// (what Teams sends as <c>aadObjectId</c>) is attached to <see cref="Person"/> when known.
/// Compared case-insensitively: stored lower-case.
/// </remarks>
public readonly record struct PersonId
{
    private PersonId(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? text, out PersonId id)
    {
        id = default;
        var value = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(value) || value.Length > 254)
        {
            return false;
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (
            at <= 0
            || at != value.LastIndexOf('@')
            || at == value.Length - 1
            || !value[(at + 1)..].Contains('.', StringComparison.Ordinal)
            || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or '\\' or '#' or '?')
        )
        {
            return false;
        }

        id = new PersonId(value);
        return true;
    }

    public static PersonId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not an email address.");

    public override string ToString() => Value ?? string.Empty;
}
