using System.Text;

namespace PmfBot.Domain.Catalogue;

/// <summary>
/// Turns a name ("Revenues & Benefits") into a stable code ("revenues-benefits") for departments, services and
/// priorities.
/// </summary>
public static class CatalogueCode
{
    public static string FromName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().TrimEnd('-');
    }
}
