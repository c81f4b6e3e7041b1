using PmfBot.Domain.Values;

namespace PmfBot.Domain.Tests.Values;

public class WrittenTextTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u200B\u200B\u200B")]        // zero-width spaces
    [InlineData("\u200C\u200D\u2060")]        // zero-width non-joiner, joiner, word joiner
    [InlineData("\u200E\u200F\u202A\u202C")]  // bidi marks and embeddings
    [InlineData("\uFEFF")]                    // a byte-order mark
    [InlineData("\u00AD")]                    // a soft hyphen
    [InlineData("\u00A0\u2003\t\r\n")]         // other spaces
    [InlineData("…  — ; . -")]
    [InlineData("👍🙂")]
    public void IsPresent_WithoutALetterOrDigit_IsFalse(string? text)
    {
        Assert.False(WrittenText.IsPresent(text));
        Assert.Null(WrittenText.Clean(text));
    }

    [Theory]
    [InlineData("Two advisers off sick.")]
    [InlineData("\u200Bok")]
    [InlineData("7")]
    [InlineData("Ça va")]
    [InlineData("مرحبا")]
    [InlineData("𝐁old")] // a letter outside the Basic Multilingual Plane
    public void IsPresent_WithALetterOrDigit_IsTrue(string text) => Assert.True(WrittenText.IsPresent(text));
}
