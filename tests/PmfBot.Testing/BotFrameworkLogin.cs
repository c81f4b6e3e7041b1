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
/// A stand-in for login.botframework.com on a loopback port: OpenID metadata and a JWKS whose
/// keys (generated here) carry endorsements; it signs tokens the way the channel does.
/// </summary>
public sealed class BotFrameworkLogin : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";

    private readonly WebApplication _app;
    private readonly List<(RsaSecurityKey Key, string[] Endorsements)> _keys = [];
    private int _keyFetches;

    private BotFrameworkLogin(WebApplication app) => _app = app;

    public string MetadataUrl => $"{BaseUrl}/v1/.well-known/openidconfiguration";

    public int KeyFetches => _keyFetches;

    /// <summary>While true, both endpoints answer 503, as an outage of login.botframework.com would.</summary>
    public bool Down { get; set; }

    private string BaseUrl => _app.Address().GetLeftPart(UriPartial.Authority);

    public static async Task<BotFrameworkLogin> StartAsync()
    {
        var app = LoopbackHost.Quiet();
        var login = new BotFrameworkLogin(app);
        app.Use(async (context, next) =>
        {
            if (login.Down)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            await next();
        });
        app.MapGet("/v1/.well-known/openidconfiguration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = "https://invalid.botframework.test/v1/.well-known/authorize",
            ["jwks_uri"] = $"{login.BaseUrl}/v1/.well-known/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
        }));
        app.MapGet("/v1/.well-known/keys", () =>
        {
            Interlocked.Increment(ref login._keyFetches);
            lock (login._keys)
            {
                return Results.Json(new { keys = login._keys.Select(k => Jwk(k.Key, k.Endorsements)).ToArray() });
            }
        });
        await app.StartAsync();
        return login;
    }

    /// <summary>Publishes a new signing key (a key rotation when one is already published).</summary>
    public RsaSecurityKey AddKey(params string[] endorsements)
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") };
        lock (_keys)
        {
            _keys.Add((key, endorsements));
        }

        return key;
    }

    public static string Token(
        SecurityKey key,
        string audience,
        string? serviceUrl,
        string issuer = Issuer,
        DateTime? expires = null,
        DateTime? notBefore = null,
        string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = (notBefore ?? now).AddMinutes(-1),
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(30),
            SigningCredentials = new SigningCredentials(key, algorithm),
        });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>
    /// A public signing key as an OpenID provider publishes it (a JSON Web Key), with Bot Framework's endorsements when
    /// given.
    /// </summary>
    internal static Dictionary<string, object> Jwk(RsaSecurityKey key, string[]? endorsements = null)
    {
        var parameters = key.Rsa.ExportParameters(false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (endorsements is not null)
        {
            jwk["endorsements"] = endorsements;
        }

        return jwk;
    }
}
