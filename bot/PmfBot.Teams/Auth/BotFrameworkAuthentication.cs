using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace PmfBot.Teams.Auth;

/// <summary>
/// Inbound authentication as Bot Framework requires it, on ASP.NET Core's JwtBearer:
/// issuer, audience (the app id), lifetime with skew, an RS256/384/512 signature from the OpenID
/// metadata's keys (refreshed on an unknown key id, and every 12 hours). The two checks that need
/// the activity — the signing key endorses its channel, and the token's serviceurl claim is its
/// serviceUrl — are made by the endpoint once the body is read (<see cref="BotRequestClaims"/>).
/// </summary>
public static class BotFrameworkAuthentication
{
    public const string Scheme = "BotFramework";

    internal const string EndorsementsItem = "PmfBot.Teams.Endorsements";

    public static IServiceCollection AddBotFrameworkAuthentication(
        this IServiceCollection services,
        IConfiguration configuration
    )
    {
        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotOptions>, BotOptionsValidation>();

        services.AddHostedService<AnonymousModeWarning>();
        services.TryAddSingleton(TimeProvider.System);
        // Teams waits about 15 s for an answer: a metadata endpoint that doesn't answer must not hold requests longer.
        services.AddHttpClient(Scheme, http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddAuthentication().AddJwtBearer(Scheme, _ => { });
        services
            .AddOptions<JwtBearerOptions>(Scheme)
            .Configure<IOptions<BotOptions>, IHttpClientFactory, TimeProvider>(
                (jwt, bot, http, time) =>
                {
                    var options = bot.Value;
                    var requireHttps =
                        !Uri.TryCreate(options.OpenIdMetadataUrl, UriKind.Absolute, out var url) || !url.IsLoopback;
                    jwt.ConfigurationManager = new BotFrameworkMetadata(
                        options.OpenIdMetadataUrl,
                        requireHttps,
                        http.CreateClient(Scheme),
                        time
                    );
                    jwt.RequireHttpsMetadata = requireHttps;
                    jwt.RefreshOnIssuerKeyNotFound = true;
                    jwt.MapInboundClaims = false;
                    jwt.SaveToken = false;
                    jwt.TokenValidationParameters = new TokenValidationParameters
                    {
                        ValidIssuer = options.TokenIssuer,
                        ValidAudience = options.AppId,
                        ValidateIssuer = true,
                        ValidateAudience = true,
                        ValidateLifetime = true,
                        RequireExpirationTime = true,
                        ClockSkew = options.ClockSkew,
                        ValidateIssuerSigningKey = true,
                        RequireSignedTokens = true,
                        ValidAlgorithms =
                        [
                            SecurityAlgorithms.RsaSha256,
                            SecurityAlgorithms.RsaSha384,
                            SecurityAlgorithms.RsaSha512,
                        ],
                    };
                    jwt.Events = new JwtBearerEvents
                    {
                        // Nothing from the header is logged or echoed: a rejected token is a bare 401.
                        OnChallenge = context =>
                        {
                            context.HandleResponse();
                            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                            return Task.CompletedTask;
                        },
                        OnTokenValidated = async context =>
                        {
                            var configuration = await context.Options.ConfigurationManager!.GetConfigurationAsync(
                                context.HttpContext.RequestAborted
                            );
                            RecordEndorsements(
                                context.HttpContext,
                                configuration,
                                (context.SecurityToken as JsonWebToken)?.Kid
                            );
                        },

                        // A key id we don't know is usually a key rotation: JwtBearer has asked for fresh
                        // metadata; fetch it and validate this same request again, as the Bot Framework SDK does.
                        OnAuthenticationFailed = async context =>
                        {
                            // No keys to check the token with: a failure of ours, not the caller's (the endpoint
                            // answers 503).
                            if (context.Exception is BotMetadataUnavailableException)
                            {
                                context.Fail(context.Exception);
                                return;
                            }

                            if (
                                context.Exception is not SecurityTokenSignatureKeyNotFoundException
                                || context.Request.Headers.Authorization.ToString() is not { } header
                                || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                            )
                            {
                                return;
                            }

                            var configuration = await context.Options.ConfigurationManager!.GetConfigurationAsync(
                                context.HttpContext.RequestAborted
                            );
                            var parameters = context.Options.TokenValidationParameters.Clone();
                            parameters.IssuerSigningKeys = configuration.SigningKeys;
                            var result = await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(
                                header["Bearer ".Length..].Trim(),
                                parameters
                            );
                            if (result.IsValid)
                            {
                                RecordEndorsements(
                                    context.HttpContext,
                                    configuration,
                                    (result.SecurityToken as JsonWebToken)?.Kid
                                );
                                context.Principal = new System.Security.Claims.ClaimsPrincipal(result.ClaimsIdentity);
                                context.Success();
                            }
                        },
                    };
                }
            );
        return services;
    }

    private static void RecordEndorsements(
        HttpContext context,
        OpenIdConnectConfiguration configuration,
        string? kid
    ) =>
        context.Items[EndorsementsItem] = Endorsements(
            configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == kid)
        );

    /// <summary>The channels a signing key is endorsed for, from the JWKS entry's "endorsements" array.</summary>
    internal static IReadOnlyList<string> Endorsements(JsonWebKey? key)
    {
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var value))
        {
            return [];
        }

        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array =>
            [
                .. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!),
            ],
            IEnumerable<object> list => [.. list.Select(o => o?.ToString()).OfType<string>()],
            string single => [single],
            _ => [],
        };
    }
}
