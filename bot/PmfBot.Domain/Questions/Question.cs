using PmfBot.Domain.Catalogue;
using PmfBot.Domain.Digests;

namespace PmfBot.Domain.Questions;

/// <summary>What a question in plain words asks for.</summary>
public enum QuestionIntent
{
    /// <summary>"Which measures got worse this quarter?"</summary>
    Worse,

    /// <summary>"What improved since April?"</summary>
    Better,

    /// <summary>"What's off track in Place?": figures judged Red.</summary>
    OffTrack,

    /// <summary>"What's overdue in Housing?": updates past their deadline.</summary>
    Overdue,

    /// <summary>"Who hasn't updated yet?": updates owed, late or not.</summary>
    NotUpdated,

    /// <summary>"Show me NI 192", "missed collections": one measure, with its trend.</summary>
    OneMeasure,

    /// <summary>"What did Housing say about temporary accommodation?": a search of what was said.</summary>
    Said,
}

/// <summary>Whose measures a question is about.</summary>
public enum AskedScopeKind
{
    /// <summary>Nothing said: everything the asker may see.</summary>
    Unstated,

    /// <summary>"my", "our", "for me": the asker's own services.</summary>
    Mine,

    /// <summary>A service, a department or the council, by name (<see cref="AskedScope.Match"/> says which).</summary>
    Named,
}

/// <param name="Text">The words that named it ("Housing", "the Place department"), for answers that quote them.</param>
/// <param name="Match">What the name fits, for <see cref="AskedScopeKind.Named"/>.</param>
public sealed record AskedScope(AskedScopeKind Kind, string? Text = null, ScopeMatch? Match = null)
{
    public static AskedScope Unstated { get; } = new(AskedScopeKind.Unstated);

    public static AskedScope Mine { get; } = new(AskedScopeKind.Mine);

    /// <summary>The scope the name found, when it found exactly one.</summary>
    public DigestScope? Found => Match is ScopeMatch.Found found ? found.Scope : null;
}

/// <summary>A question read from plain words: no I/O, no person; the bot answers it from the standings.</summary>
/// <param name="Time">The time asked about; null when none was said (the latest figures, or every update owed).</param>
/// <param name="Measures">For <see cref="QuestionIntent.OneMeasure"/>: the measures the words fit, best first.</param>
/// <param name="Words">For <see cref="QuestionIntent.Said"/>: what to look for in commentary and action notes.</param>
public sealed record Question(
    QuestionIntent Intent,
    AskedScope Scope,
    AskedTime? Time = null,
    IReadOnlyList<Measure>? Measures = null,
    string? Words = null
);
