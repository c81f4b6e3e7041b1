using System.Xml.Linq;
using Azure.Storage.Blobs;
using PmfBot.Storage.KeyRing;

namespace PmfBot.Storage.Tests;

/// <summary>Data Protection's key ring on Azurite's Blob service: each key once, each environment its own.</summary>
public sealed class BlobKeyRingTests : StorageTestBase
{
    private BlobKeyRing Ring(string prefix) => new(new BlobServiceClient(Storage.ConnectionString), prefix);

    private static XElement Key(string id) => new("key", new XAttribute("id", id), new XElement("value", id));

    [Fact]
    public void AKeyStoredTwice_IsOneKey_AndEveryInstanceReadsIt()
    {
        var (first, second) = (Ring(Storage.Prefix), Ring(Storage.Prefix));

        first.StoreElement(Key("k1"), "key-k1");
        second.StoreElement(Key("k1"), "key-k1"); // a second instance racing to store the same key
        second.StoreElement(Key("k2"), "key-k2");

        Assert.Equal(["k1", "k2"], first.GetAllElements().Select(e => (string)e.Attribute("id")!).Order());
    }

    [Fact]
    public void EnvironmentsSharingAnAccount_KeepTheirOwnRings_EvenWhenOnePrefixStartsTheOther()
    {
        Ring(Storage.Prefix).StoreElement(Key("mine"), "key-mine");
        Ring(Storage.Prefix + "x").StoreElement(Key("theirs"), "key-theirs");

        Assert.Equal("mine", (string)Assert.Single(Ring(Storage.Prefix).GetAllElements()).Attribute("id")!);
    }
}
