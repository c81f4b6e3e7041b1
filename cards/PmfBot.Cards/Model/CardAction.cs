using System.Text.Json;
using System.Text.Json.Serialization;

namespace PmfBot.Cards.Model;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ActionExecute), "Action.Execute")]
[JsonDerivedType(typeof(ActionSubmit), "Action.Submit")]
[JsonDerivedType(typeof(ActionOpenUrl), "Action.OpenUrl")]
public abstract record CardAction(string Title)
{
    public string? Id { get; init; }

    /// <summary>"default", "positive", "destructive".</summary>
    public string? Style { get; init; }
}

/// <summary>Universal Actions: sends an adaptiveCard/action invoke; the answer replaces the card.</summary>
/// <param name="Fallback">What clients without Universal Actions show instead (an Action.Submit with the same
/// data).</param>
public sealed record ActionExecute(string Title, string Verb, JsonElement? Data = null) : CardAction(Title)
{
    public CardAction? Fallback { get; init; }

    /// <summary>
    /// An Action.Execute that older clients replace with an Action.Submit carrying the verb in its data.
    /// </summary>
    public static ActionExecute WithSubmitFallback(
        string title,
        string verb,
        IReadOnlyDictionary<string, string>? data = null
    )
    {
        var payload = new Dictionary<string, string>(data ?? new Dictionary<string, string>()) { ["verb"] = verb };
        var json = JsonSerializer.SerializeToElement(payload);
        return new ActionExecute(title, verb, json) { Fallback = new ActionSubmit(title, json) };
    }
}

public sealed record ActionSubmit(string Title, JsonElement? Data = null) : CardAction(Title);

public sealed record ActionOpenUrl(string Title, Uri Url) : CardAction(Title);
