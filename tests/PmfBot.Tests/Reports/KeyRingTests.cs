using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Digests;
using PmfBot.Features.Reports;
using PmfBot.Storage.KeyRing;
using PmfBot.Testing;
using PmfBot.Tests.Updates;

namespace PmfBot.Tests.Reports;

/// <summary>
/// Two instances behind the load balancer share one key ring in blob storage, encrypted with the council's
/// certificate: a report link made by one opens on the other.
/// </summary>
public class KeyRingTests : UpdateCycleHost
{
    private static readonly string Certificate = NewCertificate();

    protected override string[] MoreSettings => ["--KeyRing:Certificate", Certificate];

    private static string NewCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(
            "CN=PmfBot key ring (test)",
            rsa,
            HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1
        );
        using var certificate = request.CreateSelfSigned(
            DateTimeOffset.UtcNow.AddDays(-1),
            DateTimeOffset.UtcNow.AddYears(1)
        );
        return Convert.ToBase64String(certificate.Export(X509ContentType.Pkcs12));
    }

    private async Task<List<string>> KeyBlobsAsync()
    {
        var container = new BlobServiceClient(Storage.ConnectionString).GetBlobContainerClient(BlobKeyRing.Container);
        var keys = new List<string>();
        await foreach (
            var blob in container.GetBlobsAsync(
                Azure.Storage.Blobs.Models.BlobTraits.None,
                Azure.Storage.Blobs.Models.BlobStates.None,
                $"{Storage.Prefix.ToLowerInvariant()}/",
                default
            )
        )
        {
            keys.Add((await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString());
        }

        return keys;
    }

    [Fact]
    public async Task ALinkMadeByOneInstance_OpensOnAnother_WithOneKeyEncryptedAtRest()
    {
        var link = App
            .Services.GetRequiredService<ReportLinks>()
            .LinkFor(new ReportRequest(ReportingPeriod.Parse("Q2 2026/27"), DigestScope.WholeCouncil));

        await using var other = StartHost(seed: false);
        await other.StartAsync();
        using var client = new HttpClient { BaseAddress = other.Address() };
        using var response = await client.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("CS 02", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var key = Assert.Single(await KeyBlobsAsync()); // the second instance used the first one's key
        Assert.Contains("EncryptedData", key, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", key, StringComparison.Ordinal); // the master key is not there in plain
    }

    [Fact]
    public async Task AnInstanceWithoutTheCertificate_CannotReadTheRing_SoItsLinksAreRefusedKindly()
    {
        var link = App
            .Services.GetRequiredService<ReportLinks>()
            .LinkFor(new ReportRequest(ReportingPeriod.Parse("Q2 2026/27"), DigestScope.WholeCouncil));

        await using var stranger = PmfBotHost.Build(
            LoopbackHost.Args(Settings, "--KeyRing:Certificate", NewCertificate())
        );
        await stranger.StartAsync();
        using var client = new HttpClient { BaseAddress = stranger.Address() };
        using var response = await client.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("isn't one PmfBot made", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64!", "KeyRing:Certificate is not a base64 PKCS#12 certificate.")]
    [InlineData(
        "@Microsoft.KeyVault(VaultName=pmf;SecretName=keyring-certificate)",
        "its Key Vault reference did not resolve"
    )]
    public void ASettingThatHoldsNoCertificate_StopsStartUpWithTheReason(string setting, string reason)
    {
        var problem = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            PmfBotHost.Build(LoopbackHost.Args(Settings, "--KeyRing:Certificate", setting))
        );
        Assert.Contains(reason, problem.Message, StringComparison.Ordinal);
    }
}
