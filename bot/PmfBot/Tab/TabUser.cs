using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using PmfBot.Council;
using PmfBot.Domain.Catalogue;

namespace PmfBot.Tab;

/// <summary>Who is signed in to the tab, the catalogue as it is now, and what they may see of it.</summary>
public sealed record TabUser(Person Person, CouncilCatalogue Council, MeasureSight Sight)
{
    private const string Key = "PmfBot.TabUser";

    /// <summary>The signed-in person of a request that passed <see cref="TabEndpoints.MapTabApi"/>'s sign-in.</summary>
    public static TabUser Of(HttpContext context) =>
        context.Items[Key] as TabUser ?? throw new InvalidOperationException("The tab's sign-in did not run.");

    /// <summary>
    /// Signs the request in and finds the person in the catalogue: 401 for a token that doesn't pass, 403 (with a
    /// reason) for someone the catalogue doesn't know. Null when signed in.
    /// </summary>
    internal static async Task<IResult?> SignInAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(TabSignIn.Scheme);
        if (!result.Succeeded || result.Principal is not { } principal)
        {
            return Results.Unauthorized();
        }

        var services = context.RequestServices;
        var council = await services.GetRequiredService<CouncilToday>().LoadAsync(context.RequestAborted);
        if (FindPerson(principal, council) is not { } person)
        {
            return TabProblem.Answer(
                StatusCodes.Status403Forbidden,
                "You're signed in, but not as anyone in the council's performance catalogue, so there is nothing "
                    + "to show you. The performance team can add you."
            );
        }

        var sight = services.GetRequiredService<PerformanceTeam>().SightOf(person, council);
        context.Items[Key] = new TabUser(person, council, sight);
        return null;
    }

    private static Person? FindPerson(ClaimsPrincipal principal, CouncilCatalogue council)
    {
        if (principal.FindFirst(TabClaims.ObjectId)?.Value is { Length: > 0 } oid)
        {
            if (council.FindPersonByAadObjectId(oid) is { } byObjectId)
            {
                return byObjectId;
            }
        }

        var name = principal.FindFirst(TabClaims.PreferredUsername)?.Value ?? principal.FindFirst(TabClaims.Upn)?.Value;
        return PersonId.TryParse(name, out var id) ? council.FindPerson(id) : null;
    }
}

/// <summary>Why a tab request was refused, in words the page shows.</summary>
public sealed record TabProblem(string Message)
{
    /// <summary>The answer that carries it: its status code, and the message as JSON.</summary>
    public static IResult Answer(int status, string message) =>
        Results.Json(new TabProblem(message), statusCode: status);
}

public static class TabEndpoints
{
    /// <summary>
    /// The tab's API: every endpoint under /api/tab signs its caller in first, and a storage outage is a 503 the page
    /// can put in words, not a 500.
    /// </summary>
    public static RouteGroupBuilder MapTabApi(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/tab")
            .AddEndpointFilter(
                async (context, next) =>
                {
                    try
                    {
                        return await TabUser.SignInAsync(context.HttpContext) ?? await next(context);
                    }
                    catch (Exception e) when (Storage.StorageFault.IsOutage(e))
                    {
                        return TabProblem.Answer(
                            StatusCodes.Status503ServiceUnavailable,
                            "PmfBot's storage isn't answering just now. Nothing was changed; please try again in "
                                + "a minute."
                        );
                    }
                }
            );
}
