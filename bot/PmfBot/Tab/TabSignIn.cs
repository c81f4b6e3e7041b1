using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using PmfBot.Teams.Auth;

namespace PmfBot.Tab;

/// <summary>
/// How the Performance tab's requests are signed in: Teams single sign-on (the tab asks Teams for an Entra ID token
/// for the app's own API and sends it as a bearer token), or locally the demo sign-in.
/// </summary>
public static class TabSignIn
{
    /// <summary>The scheme the tab's endpoints authenticate with: picks one of the two below by the header.</summary>
    public const string Scheme = "Tab";

    public const string TeamsScheme = "TeamsTab";

    public const string DemoScheme = "TabDemo";

    public static IServiceCollection AddTabSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TabOptions>().Bind(configuration.GetSection(TabOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TabOptions>, TabOptionsValidation>();
        services.AddHttpClient(TeamsScheme, http => http.Timeout = TimeSpan.FromSeconds(10));
        services
            .AddAuthentication()
            .AddPolicyScheme(Scheme, "Performance tab", policy =>
                policy.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Demo ", StringComparison.Ordinal)
                        ? DemoScheme
                        : TeamsScheme
            )
            .AddJwtBearer(TeamsScheme, _ => { })
            .AddScheme<AuthenticationSchemeOptions, DemoSignInHandler>(DemoScheme, _ => { });
        services
            .AddOptions<JwtBearerOptions>(TeamsScheme)
            .Configure<IOptions<TabOptions>, IOptions<BotOptions>, IHttpClientFactory>(
                (jwt, tab, bot, http) =>
                {
                    var (options, tenant) = (tab.Value, bot.Value.TenantId);
                    var metadata = options.MetadataUrlFor(tenant);
                    var requireHttps = !Uri.TryCreate(metadata, UriKind.Absolute, out var url) || !url.IsLoopback;
                    jwt.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
                        metadata,
                        new OpenIdConnectConfigurationRetriever(),
                        new HttpDocumentRetriever(http.CreateClient(TeamsScheme)) { RequireHttps = requireHttps }
                    );
                    jwt.RequireHttpsMetadata = requireHttps;
                    jwt.RefreshOnIssuerKeyNotFound = true;
                    jwt.MapInboundClaims = false;
                    jwt.TokenValidationParameters = new TokenValidationParameters
                    {
                        // Entra ID issues v2.0 tokens, or v1.0 ones when the app registration asks for them.
                        ValidIssuers =
                        [
                            $"https://login.microsoftonline.com/{tenant}/v2.0",
                            $"https://sts.windows.net/{tenant}/",
                        ],
                        ValidAudiences = new[] { options.ApplicationIdUri, bot.Value.AppId }.Where(a =>
                            !string.IsNullOrWhiteSpace(a)
                        ),
                        ValidateIssuer = true,
                        ValidateAudience = true,
                        ValidateLifetime = true,
                        RequireExpirationTime = true,
                        ValidateIssuerSigningKey = true,
                        RequireSignedTokens = true,
                        ClockSkew = TimeSpan.FromMinutes(5),
                        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                    };
                    // A rejected token is a bare 401: nothing from it is logged or echoed.
                    jwt.Events = new JwtBearerEvents
                    {
                        OnChallenge = context =>
                        {
                            context.HandleResponse();
                            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                            return Task.CompletedTask;
                        },
                    };
                }
            );
        return services;
    }

    /// <summary>"Authorization: Demo priya.shah@demo.gov.uk", only with Tab:AllowDemoSignIn (Development).</summary>
    private sealed class DemoSignInHandler(
        IOptionsMonitor<AuthenticationSchemeOptions> options,
        ILoggerFactory logger,
        UrlEncoder encoder,
        IOptions<TabOptions> tab
    ) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var header = Request.Headers.Authorization.ToString();
            if (!tab.Value.AllowDemoSignIn || header.Length <= "Demo ".Length)
            {
                return Task.FromResult(AuthenticateResult.Fail("Demo sign-in is off."));
            }

            var identity = new ClaimsIdentity(
                [new Claim(TabClaims.PreferredUsername, header["Demo ".Length..].Trim())],
                DemoScheme
            );
            return Task.FromResult(
                AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), DemoScheme))
            );
        }
    }
}

/// <summary>The Entra ID token claims the tab reads a person from.</summary>
public static class TabClaims
{
    public const string ObjectId = "oid";
    public const string PreferredUsername = "preferred_username";
    public const string Upn = "upn";
}
