using System.IO.Compression;
using System.Text.RegularExpressions;
using PmfBot.Features.PerformanceTab;

namespace PmfBot.Tests.PerformanceTab;

/// <summary>The tab's page as the build bundles it: small, and self-contained (no CDN: councils block many).</summary>
public partial class TabPageTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, PerformanceTabStartup.PageFolder);

    [Fact]
    public void ThePagesOwnCodeAndStyles_AreUnder300KbCompressed()
    {
        var files = Directory.GetFiles(Folder);
        Assert.Equal(
            ["configure.html", "index.html", "tab.css", "tab.js"],
            files.Select(Path.GetFileName).Order(StringComparer.Ordinal)
        );

        var compressed = files.Sum(file =>
        {
            using var gzipped = new MemoryStream();
            using (var gzip = new GZipStream(gzipped, CompressionLevel.Optimal, leaveOpen: true))
            {
                gzip.Write(File.ReadAllBytes(file));
            }

            return gzipped.Length;
        });

        Assert.InRange(compressed, 1, 300 * 1024);
    }

    [Fact]
    public void ThePage_LoadsNothingFromElsewhere_AndCarriesItsChartLibrary()
    {
        var html =
            File.ReadAllText(Path.Combine(Folder, "index.html"))
            + File.ReadAllText(Path.Combine(Folder, "configure.html"));
        var script = File.ReadAllText(Path.Combine(Folder, "tab.js"));

        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.Contains("getAuthToken", script, StringComparison.Ordinal); // Teams' JavaScript library, bundled
        Assert.Contains("maintainAspectRatio", script, StringComparison.Ordinal); // Chart.js, bundled
    }

    [GeneratedRegex("(src|href)=\"(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
