using System.ComponentModel.DataAnnotations;

namespace PmfBot.Storage;

/// <summary>Where PmfBot keeps its tables.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>
    /// An Azure Storage connection string; "UseDevelopmentStorage=true" for Azurite on its default ports.
    /// </summary>
    [Required(ErrorMessage = "Storage:ConnectionString is required (for Azurite: UseDevelopmentStorage=true).")]
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>
    /// Prefix for every table name, so several environments (or test runs) can share an account. Letters and digits
    /// only.
    /// </summary>
    [RegularExpression(
        "^[A-Za-z][A-Za-z0-9]{0,30}$|^$",
        ErrorMessage = "Storage:TablePrefix must start with a letter and hold only letters and digits (at most 31)."
    )]
    public string TablePrefix { get; set; } = string.Empty;
}
