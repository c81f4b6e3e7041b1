using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PmfBot.Testing;

/// <summary>
/// A stand-in for Entra ID (login.microsoftonline.com) on a loopback port: one tenant's OpenID metadata and signing
/// keys, and tokens signed the way Teams single sign-on gets them for a tab.
/// </summary>
public sealed class EntraLogin : IAsyncDisposable
{
    public const string TenantId = "7d1b3c52-9a4e-4c1f-8e2a-6b5d0c3a9f10";
    public const string Issuer = $"https://login.microsoftonline.com/{TenantId}/v2.0";

    private readonly WebApplication _app;

    private EntraLogin(WebApplication app) => _app = app;

    /// <summary>The key Entra signs with; a token signed with any other is forged.</summary>
    public RsaSecurityKey Key { get; } = new(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") };

    public string MetadataUrl => $"{BaseUrl}/{TenantId}/v2.0/.well-known/openid-configuration";

    private string BaseUrl => _app.Address().GetLeftPart(UriPartial.Authority);

    public static async Task<EntraLogin> StartAsync()
    {
        var app = LoopbackHost.Quiet();
        var login = new EntraLogin(app);
        app.MapGet($"/{TenantId}/v2.0/.well-known/openid-configuration", () => Results.Json(
                new Dictionary<string, object>
                {
                    ["issuer"] = Issuer,
                    ["authorization_endpoint"] = $"https://invalid.login.test/{TenantId}/oauth2/v2.0/authorize",
                    ["jwks_uri"] = $"{login.BaseUrl}/{TenantId}/discovery/v2.0/keys",
                    ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                }
            ));
        app.MapGet(
            $"/{TenantId}/discovery/v2.0/keys",
            () => Results.Json(new { keys = new[] { BotFrameworkLogin.Jwk(login.Key) } })
        );
        await app.StartAsync();
        return login;
    }

    /// <summary>A token for the signed-in person, as Teams hands a tab: their object id and work address.</summary>
    public static string Token(
        SecurityKey key,
        string audience,
        string? objectId,
        string? username,
        string issuer = Issuer,
        DateTime? expires = null
    )
    {
        var claims = new Dictionary<string, object> { ["tid"] = TenantId, ["scp"] = "access_as_user" };
        if (objectId is not null)
        {
            claims["oid"] = objectId;
        }

        if (username is not null)
        {
            claims["preferred_username"] = username;
        }

        var now = DateTime.UtcNow;
        var until = expires ?? now.AddMinutes(30);
        return new JsonWebTokenHandler().CreateToken(
            new SecurityTokenDescriptor
            {
                Issuer = issuer,
                Audience = audience,
                Claims = claims,
                IssuedAt = Earlier(now.AddMinutes(-1), until.AddMinutes(-60)),
                NotBefore = Earlier(now.AddMinutes(-1), until.AddMinutes(-60)),
                Expires = until,
                SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
            }
        );
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static DateTime Earlier(DateTime a, DateTime b) => a < b ? a : b;
}
