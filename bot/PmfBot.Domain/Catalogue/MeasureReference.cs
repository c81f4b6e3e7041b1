using System.Text.RegularExpressions;

namespace PmfBot.Domain.Catalogue;

/// <summary>A measure's reference code as the council writes it: "NI 192", "PL 157a", "RB 03".</summary>
/// <remarks>
/// Spaces are collapsed, so "NI  192" and "NI 192" are the same measure; letters keep their case
/// for display ("PL 157a") but compare case-insensitively. Letters, digits, spaces, '.', '-' and
/// '_' only, up to 20 characters, so a reference is also a valid storage key.
/// </remarks>
public readonly partial record struct MeasureReference
{
    private MeasureReference(string value) => Value = value;

    public string Value { get; }

    /// <summary>The comparison form: upper-case.</summary>
    public string Key => Value?.ToUpperInvariant() ?? string.Empty;

    public static bool TryParse(string? text, out MeasureReference reference)
    {
        reference = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = Spaces().Replace(text.Trim(), " ");
        if (!Allowed().IsMatch(value))
        {
            return false;
        }

        reference = new MeasureReference(value);
        return true;
    }

    public static MeasureReference Parse(string text) =>
        TryParse(text, out var reference)
            ? reference
            : throw new FormatException(
                $"'{text}' is not a measure reference (letters, digits, spaces, '.', '-', up to 20 characters)."
            );

    public bool Equals(MeasureReference other) => string.Equals(Key, other.Key, StringComparison.Ordinal);

    public override int GetHashCode() => Key.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Value ?? string.Empty;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9 ._\-]{0,19}$")]
    private static partial Regex Allowed();
}
