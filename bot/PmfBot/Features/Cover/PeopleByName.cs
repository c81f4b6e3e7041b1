using PmfBot.Domain.Catalogue;

namespace PmfBot.Features.Cover;

/// <summary>
/// Finds a colleague from what someone typed: their email, full name, or a first name only one person has.
/// </summary>
public static class PeopleByName
{
    /// <returns>The people it could be: one when it is clear, none or several when it isn't.</returns>
    public static IReadOnlyList<Person> Find(string words, IEnumerable<Person> people)
    {
        var typed = words.Trim().Trim('@', '.', ',');
        var everyone = people.ToList();
        if (PersonId.TryParse(typed, out var id))
        {
            return [.. everyone.Where(p => p.Id == id)];
        }

        var byName = everyone.Where(p => string.Equals(p.Name, typed, StringComparison.OrdinalIgnoreCase)).ToList();
        return byName.Count > 0
            ? byName
            : [.. everyone.Where(p => string.Equals(p.Name.Split(' ')[0], typed, StringComparison.OrdinalIgnoreCase))];
    }
}
