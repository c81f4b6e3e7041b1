using System.Text.RegularExpressions;
using PmfBot.Domain.Catalogue;

namespace PmfBot.Features.Catalogue;

/// <summary>
/// A person as written in a spreadsheet cell: "Sam Taylor &lt;sam.taylor@council.gov.uk&gt;" or just the email.
/// </summary>
public static partial class PersonCell
{
    public static bool TryParse(string text, out PersonId id, out string? name)
    {
        name = null;
        var match = NameAndEmail().Match(text.Trim());
        if (match.Success)
        {
            name = match.Groups["name"].Value.Trim().Trim('"');
            return PersonId.TryParse(match.Groups["email"].Value, out id) && name.Length is > 0 and <= 100;
        }

        return PersonId.TryParse(text, out id);
    }

    public static string Format(Person person) => $"{person.Name} <{person.Id}>";

    [GeneratedRegex(@"^(?<name>[^<>]+)<(?<email>[^<>]+)>$")]
    private static partial Regex NameAndEmail();
}
