using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using PmfBot.Storage;
using PmfBot.Storage.KeyRing;

namespace PmfBot.KeyRing;

/// <summary>
/// ASP.NET Core Data Protection (what signs and encrypts report links) with one key ring for every instance: in the
/// bot's blob storage (<see cref="BlobKeyRing"/>), and in Azure encrypted with a certificate kept in Key Vault.
/// </summary>
public static class KeyRingStartup
{
    public const string SectionName = "KeyRing";

    /// <summary>
    /// "KeyRing:Certificate": a PKCS#12 certificate with its private key, in base64, that encrypts the keys at rest.
    /// In Azure an app setting refers to the certificate in Key Vault (see infra/azure); empty leaves them plain, as
    /// Azurite is locally.
    /// </summary>
    public static IServiceCollection AddKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        var ring = services.AddDataProtection().SetApplicationName("PmfBot");
        services
            .AddOptions<KeyManagementOptions>()
            .Configure<IOptions<StorageOptions>>((o, storage) => o.XmlRepository = new BlobKeyRing(storage));
        if (CertificateFrom(configuration[$"{SectionName}:Certificate"]) is { } certificate)
        {
            ring.ProtectKeysWithCertificate(certificate);
        }

        return services;
    }

    /// <summary>The certificate a setting holds; null when it is empty. One that holds none stops start-up.</summary>
    private static X509Certificate2? CertificateFrom(string? setting)
    {
        if (string.IsNullOrWhiteSpace(setting))
        {
            return null;
        }

        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12(
                Convert.FromBase64String(setting.Trim()),
                password: null,
                X509KeyStorageFlags.EphemeralKeySet
            );
            return certificate.HasPrivateKey
                ? certificate
                : throw new OptionsValidationException(
                    SectionName,
                    typeof(X509Certificate2),
                    [$"{SectionName}:Certificate has no private key: export it with its key (PKCS#12)."]
                );
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            throw new OptionsValidationException(
                SectionName,
                typeof(X509Certificate2),
                [
                    $"{SectionName}:Certificate is not a base64 PKCS#12 certificate"
                        + (
                            setting.StartsWith("@Microsoft.KeyVault", StringComparison.Ordinal)
                                ? ": its Key Vault reference did not resolve (does the certificate exist, and may the "
                                    + "app's identity read its secret?)."
                                : "."
                        ),
                ]
            );
        }
    }
}
