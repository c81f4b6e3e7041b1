using PmfBot.Teams.Schema;

namespace PmfBot.Teams.Hosting;

/// <summary>The bot's turn handler: one inbound activity in, and for an invoke the response Teams shows.</summary>
public interface IBot
{
    /// <returns>For an invoke, its response (never null for adaptiveCard/action); for other activities, null.</returns>
    Task<InvokeResponse?> OnTurnAsync(Activity activity, CancellationToken cancellationToken);
}

/// <summary>
/// The HTTP answer to an invoke activity: a status and a JSON body (e.g. an <see cref="AdaptiveCardInvokeResponse"/>).
/// </summary>
public sealed record InvokeResponse(int Status, object? Body)
{
    public static InvokeResponse For(AdaptiveCardInvokeResponse response) => new(200, response);

    public static InvokeResponse For(MessagingExtensionResponse response) => new(200, response);
}
