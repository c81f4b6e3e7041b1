using Microsoft.Extensions.DependencyInjection;
using PmfBot.Bot;
using PmfBot.Domain.Catalogue;
using PmfBot.Storage.Conversations;
using PmfBot.Storage.Prompts;

namespace PmfBot.Tests.Updates;

/// <summary>
/// The scan is cancelled (this instance stops leading) after winning a claim, while the chat is
/// still being found: the claim is released at once, so the next leader sends it now rather than
/// after the claim lease.
/// </summary>
public sealed class StoppedMidSendTests : UpdateCycleHost
{
    private readonly CancellationTokenSource _tenure = new();

    /// <summary>Installing for someone without a chat is where the tenure ends.</summary>
    protected override void ReplaceServices(IServiceCollection services) =>
        services.AddSingleton<IPersonalChatInstaller>(new TenureEndsWhileInstalling(_tenure));

    [Fact]
    public async Task AClaimWonJustBeforeTheTenureEnds_IsReleased_AndTheNextScanSendsIt()
    {
        await InstallAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Scan.RunAsync(_tenure.Token));

        var store = new PromptStore(Storage.Tables);
        Assert.Empty(await store.GetInStateAsync(PromptState.Claimed, default)); // nothing left held by the instance that stopped
        var released = (await store.GetInStateAsync(PromptState.Failed, default))
            .Where(p => p.Note?.StartsWith("Withdrawn", StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(released);
        Assert.All(released, p => Assert.Equal(0, p.Attempts)); // the attempt given back

        // The same instance (or the next leader) claims them again at once, well inside the claim lease.
        await Scan.RunAsync(default);
        var again = await store.GetForPeriodAsync(released[0].Subject, released[0].Period, default);
        Assert.Contains(again, p => p.Step == released[0].Step && p.Attempts == 1 && p.State != PromptState.Failed);
        _tenure.Dispose();
    }

    private sealed class TenureEndsWhileInstalling(CancellationTokenSource tenure) : IPersonalChatInstaller
    {
        public Task<StoredConversation?> InstallAsync(string aadObjectId, CancellationToken cancellationToken)
        {
            tenure.Cancel();
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult<StoredConversation?>(null);
        }
    }
}
