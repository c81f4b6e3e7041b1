using System.Globalization;
using PmfBot.Domain.Catalogue;

namespace PmfBot.Features.Catalogue;

/// <summary>
/// Reading one spreadsheet row against the catalogue: typed cell readers that collect every
/// problem instead of stopping at the first, the people the row names (new or renamed), and
/// notes about what else the row brings with it.
/// </summary>
internal sealed class RowReading(SheetRow row, CouncilCatalogue catalogue)
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd",
        "dd/MM/yyyy",
        "d/M/yyyy",
        "d MMM yyyy",
        "d MMMM yyyy",
    ];

    private readonly Dictionary<PersonId, Person> _people = [];

    public SheetRow Row => row;

    public CouncilCatalogue Catalogue => catalogue;

    public List<string> Problems { get; } = [];

    public List<string> Notes { get; } = [];

    public string this[string column] => row[column];

    public bool Has(string column) => row[column].Length > 0;

    /// <summary>People named in the row who are new, or whose name the row changes.</summary>
    public IReadOnlyList<Person> PeopleToWrite() =>
        [.. _people.Values.Where(p => catalogue.FindPerson(p.Id) is not { } known || known.Name != p.Name)];

    /// <summary>
    /// Reads a cell with a TryParse-style reader; on failure records <paramref name="problem"/> and returns the
    /// fallback.
    /// </summary>
    public T Read<T>(string column, TryRead<T> reader, T fallback, string problem)
    {
        if (!Has(column))
        {
            return fallback;
        }

        if (reader(row[column], out var value))
        {
            return value;
        }

        Problems.Add(problem);
        return fallback;
    }

    public DateOnly? Date(string column)
    {
        if (!Has(column))
        {
            return null;
        }

        if (
            DateOnly.TryParseExact(
                row[column],
                DateFormats,
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var date
            )
        )
        {
            return date;
        }

        Problems.Add($"{column} \"{row[column]}\" is not a date (use 2026-04-01 or 01/04/2026)");
        return null;
    }

    public PersonId? Person(string column) => Has(column) ? Person(row[column], column) : null;

    /// <summary>
    /// A person written "Name &lt;email&gt;" or, once known, just the email. A name given for a
    /// known person renames them; an unknown email without a name is a problem.
    /// </summary>
    public PersonId? Person(string text, string column)
    {
        if (!PersonCell.TryParse(text, out var id, out var name))
        {
            Problems.Add($"{column} \"{text}\" is not an email address (write Name <email>)");
            return null;
        }

        var known = catalogue.FindPerson(id);
        if (name is not null)
        {
            _people[id] = new Person(id, name, known?.AadObjectId);
        }
        else if (known is null && !_people.ContainsKey(id))
        {
            Problems.Add($"{column} {id} is not known yet: write it as Name <{id}>");
            return null;
        }

        return id;
    }

    public static string[] Split(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public delegate bool TryRead<T>(string text, out T value);
}
