using PmfBot.Testing;

namespace PmfBot.Storage.Tests;

/// <summary>Each test gets fresh tables on the real Azurite.</summary>
public abstract class StorageTestBase : IAsyncLifetime
{
    protected TestStorage Storage { get; private set; } = null!;

    public async Task InitializeAsync() => Storage = await TestStorage.CreateAsync();

    public async Task DisposeAsync() => await Storage.DisposeAsync();
}
