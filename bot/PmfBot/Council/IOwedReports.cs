using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Deadlines;

namespace PmfBot.Council;

/// <summary>
/// A report someone owes beside their measures' figures (an activity's quarterly progress), as
/// "what's due" lists it: one button away from its card.
/// </summary>
/// <param name="Subject">What it is about, as the list's first column shows it ("Activity").</param>
/// <param name="What">"Q2 2026/27 progress".</param>
/// <param name="Data">What the button sends, with <paramref name="Verb"/>, to open its card.</param>
public sealed record OwedReport(
    Deadline Deadline,
    string Subject,
    string Title,
    string What,
    IReadOnlyDictionary<string, string> Data,
    string Verb
);

/// <summary>A feature whose reports people owe: "what's due" asks each, without knowing them.</summary>
public interface IOwedReports
{
    Task<IReadOnlyList<OwedReport>> OwedByAsync(
        PersonId person,
        CouncilCatalogue council,
        CancellationToken cancellationToken
    );
}
