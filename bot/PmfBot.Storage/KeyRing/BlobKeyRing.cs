using System.Xml.Linq;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace PmfBot.Storage.KeyRing;

// Key design: container "pmfbot-keyring", blob "{prefix}/{friendly name}.xml" (lower case), one per
// key. Data Protection only ever adds keys (a revocation is a new element too), so a blob is
// written once and never changed: two instances adding at once each add their own, and every
// instance reads the same ring.

/// <summary>
/// ASP.NET Core Data Protection's key ring in the bot's own blob storage, so every instance protects and reads with
/// the same keys: a report link made by one opens on another, and a restart keeps them.
/// </summary>
/// <remarks>
/// Data Protection reads the ring at start-up and again about every day, and calls this synchronously; each call is
/// a list and a handful of small reads.
/// </remarks>
public sealed class BlobKeyRing : IXmlRepository
{
    public const string Container = "pmfbot-keyring";

    private readonly BlobContainerClient _container;
    private readonly string _prefix;

    public BlobKeyRing(IOptions<StorageOptions> options)
        : this(new BlobServiceClient(options.Value.ConnectionString), options.Value.TablePrefix) { }

    public BlobKeyRing(BlobServiceClient service, string prefix)
    {
        _container = service.GetBlobContainerClient(Container);
        _prefix = prefix.Length == 0 ? string.Empty : $"{prefix.ToLowerInvariant()}/";
    }

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        _container.CreateIfNotExists();
        var elements = new List<XElement>();
        foreach (var item in _container.GetBlobs(BlobTraits.None, BlobStates.None, _prefix, CancellationToken.None))
        {
            var content = _container.GetBlobClient(item.Name).DownloadContent().Value.Content;
            elements.Add(XElement.Parse(content.ToString()));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        _container.CreateIfNotExists();
        var blob = _container.GetBlobClient($"{_prefix}{friendlyName}.xml".ToLowerInvariant());
        try
        {
            blob.Upload(BinaryData.FromString(element.ToString(SaveOptions.DisableFormatting)), overwrite: false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Already stored: names are key ids, written once.
        }
    }
}
