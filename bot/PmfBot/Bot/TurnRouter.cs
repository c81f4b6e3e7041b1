using PmfBot.Teams.Schema;

namespace PmfBot.Bot;

/// <summary>
/// The routing table, built once at start-up: typed commands ("help", "my measures") and card
/// verbs to handlers. Registering the same command or verb twice is a programmer error.
/// </summary>
public sealed class TurnRouter
{
    private readonly Dictionary<string, Func<Turn, Task<TurnAnswer>>> _commands = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Func<Turn, Task<TurnAnswer>>> _verbs = new(StringComparer.Ordinal);
    private readonly List<Func<Turn, Task<TurnAnswer?>>> _freeText = [];
    private readonly Dictionary<
        string,
        Func<Turn, MessagingExtensionQuery, Task<MessagingExtensionResponse>>
    > _searches = new(StringComparer.Ordinal);

    /// <summary>A command and the other ways people type it.</summary>
    public TurnRouter OnCommand(IEnumerable<string> phrases, Func<Turn, Task<TurnAnswer>> handler)
    {
        foreach (var phrase in phrases)
        {
            if (!_commands.TryAdd(Normalise(phrase), handler))
            {
                throw new InvalidOperationException($"The command \"{phrase}\" is registered twice.");
            }
        }

        return this;
    }

    public TurnRouter OnVerb(string verb, Func<Turn, Task<TurnAnswer>> handler)
    {
        if (!_verbs.TryAdd(verb, handler))
        {
            throw new InvalidOperationException($"The card verb \"{verb}\" is registered twice.");
        }

        return this;
    }

    /// <summary>
    /// A reader of free text ("42.5 — two crews off sick"), tried in registration order when no
    /// command matches; it answers null when the text isn't for it.
    /// </summary>
    public TurnRouter OnFreeText(Func<Turn, Task<TurnAnswer?>> reader)
    {
        _freeText.Add(reader);
        return this;
    }

    /// <summary>A search message extension's command (its id in the manifest's composeExtensions).</summary>
    public TurnRouter OnSearch(
        string commandId,
        Func<Turn, MessagingExtensionQuery, Task<MessagingExtensionResponse>> handler
    )
    {
        if (!_searches.TryAdd(commandId, handler))
        {
            throw new InvalidOperationException($"The search command \"{commandId}\" is registered twice.");
        }

        return this;
    }

    public IReadOnlyList<Func<Turn, Task<TurnAnswer?>>> FreeTextReaders => _freeText;

    public Func<Turn, MessagingExtensionQuery, Task<MessagingExtensionResponse>>? ForSearch(string? commandId) =>
        commandId is null ? null : _searches.GetValueOrDefault(commandId);

    public Func<Turn, Task<TurnAnswer>>? ForText(string text) => _commands.GetValueOrDefault(Normalise(text));

    public Func<Turn, Task<TurnAnswer>>? ForVerb(string verb) => _verbs.GetValueOrDefault(verb);

    /// <summary>"  Help! " and "help" are the same command; "My  measures?" and "my measures" too.</summary>
    public static string Normalise(string text) =>
        string.Join(' ', text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Trim(' ', '!', '?', '.');
}
