using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Options;

namespace PmfBot.Storage.Leases;

// Key design: container "pmfbot-leases", blob "{prefix}{name}" (lower case), empty. Only the lease
// on it matters: Azure grants a blob lease to one holder at a time and lets it lapse unless
// renewed, which is all a leader election needs.

/// <summary>
/// A blob lease held by at most one instance at a time, in the bot's own storage account. Whoever
/// holds it leads; if it stops renewing (it died), the lease lapses and another can take it.
/// </summary>
public sealed class LeaderLease
{
    public const string Container = "pmfbot-leases";

    private readonly BlobClient _blob;
    private readonly BlobLeaseClient _lease;

    public LeaderLease(IOptions<StorageOptions> options, string name)
        : this(new BlobServiceClient(options.Value.ConnectionString), options.Value.TablePrefix + name) { }

    public LeaderLease(BlobServiceClient service, string blobName)
    {
        _blob = service.GetBlobContainerClient(Container).GetBlobClient(blobName.ToLowerInvariant());
        _lease = _blob.GetBlobLeaseClient(); // a lease id of our own, kept for renewals
    }

    /// <summary>This holder's lease id (a GUID), for logs.</summary>
    public string HolderId => _lease.LeaseId;

    /// <summary>Takes the lease, or renews it if this holder has it. False when someone else holds it.</summary>
    public async Task<bool> TryAcquireAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        await EnsureBlobAsync(cancellationToken);
        try
        {
            await _lease.AcquireAsync(duration, cancellationToken: cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false; // LeaseAlreadyPresent: another instance leads
        }
    }

    /// <summary>Keeps the lease. False when it was lost (it lapsed and someone else took it).</summary>
    public async Task<bool> TryRenewAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _lease.RenewAsync(cancellationToken: cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Gives the lease up at once, so another instance need not wait for it to lapse.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _lease.ReleaseAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            // Not ours any more: nothing to give up.
        }
    }

    private bool _blobExists;

    private async Task EnsureBlobAsync(CancellationToken cancellationToken)
    {
        if (_blobExists)
        {
            return;
        }

        await _blob.GetParentBlobContainerClient().CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        try
        {
            await _blob.UploadAsync(BinaryData.Empty, overwrite: false, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Already there (and perhaps leased): that's all we need.
        }

        _blobExists = true;
    }
}
