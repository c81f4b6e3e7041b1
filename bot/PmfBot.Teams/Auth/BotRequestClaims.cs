using Microsoft.AspNetCore.Http;
using PmfBot.Teams.Schema;

namespace PmfBot.Teams.Auth;

/// <summary>The checks that tie a validated token to the activity it came with.</summary>
internal static class BotRequestClaims
{
    /// <summary>
    /// Null when the activity may proceed; otherwise why it may not (for the log, never for the caller).
    /// </summary>
    public static string? Problem(HttpContext context, Activity activity)
    {
        var endorsements = context.Items[BotFrameworkAuthentication.EndorsementsItem] as IReadOnlyList<string> ?? [];
        if (
            string.IsNullOrEmpty(activity.ChannelId)
            || !endorsements.Contains(activity.ChannelId, StringComparer.OrdinalIgnoreCase)
        )
        {
            return $"the signing key is not endorsed for channel '{activity.ChannelId}'";
        }

        var serviceUrl = context.User.FindFirst("serviceurl")?.Value;
        if (serviceUrl is null || !string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return "the token's serviceurl claim does not match the activity's serviceUrl";
        }

        return null;
    }
}
