using System.IO.Compression;
using System.Text.Json;
using PmfBot.Admin;
using PmfBot.Testing;

namespace PmfBot.Tests.Host;

public class AppPackageTests
{
    private const string BotId = "3f9c2e71-5b8d-4a63-9c10-2e7f4a1b8d05";
    private static readonly string Template = Repo.Path("appPackage");

    private static string BuildPackage(string? appId = null)
    {
        var zip = Path.Combine(Directory.CreateTempSubdirectory("pmfbot-app-").FullName, "pmfbot.zip");
        AppPackageBuilder.Build(Template, new AppPackageSettings(BotId, appId ?? BotId, "pmfbot-northmere.azurewebsites.net", "Northmere District Council", "1.2.3"), zip);
        return zip;
    }

    [Fact]
    public void Build_ZipsTheManifestAndIconsAtTheRoot_WithTheIdsFilledIn()
    {
        using var zip = ZipFile.OpenRead(BuildPackage(appId: "0b8f2d6c-3a1e-4f57-9c2d-7e6a5b4c3d21"));

        Assert.Equal(AppPackageBuilder.Files.Order(), zip.Entries.Select(e => e.FullName).Order());
        using var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open());
        var root = manifest.RootElement;
        Assert.Equal("0b8f2d6c-3a1e-4f57-9c2d-7e6a5b4c3d21", root.GetProperty("id").GetString());
        Assert.Equal(BotId, root.GetProperty("bots")[0].GetProperty("botId").GetString());
        Assert.Equal("1.2.3", root.GetProperty("version").GetString());
        Assert.Equal(["pmfbot-northmere.azurewebsites.net"], root.GetProperty("validDomains").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(["personal", "team", "groupChat"], root.GetProperty("bots")[0].GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.DoesNotContain("{{", root.ToString(), StringComparison.Ordinal);

        // The Performance tab: personal, and pinnable for a service or department; its sign-in is the app's own API.
        const string Host = "https://pmfbot-northmere.azurewebsites.net";
        Assert.Equal($"{Host}/tab/", root.GetProperty("staticTabs")[0].GetProperty("contentUrl").GetString());
        Assert.Equal($"{Host}/tab/configure.html",
            root.GetProperty("configurableTabs")[0].GetProperty("configurationUrl").GetString());
        // "Find a measure": the search message extension, answered by the bot under the command's id.
        var search = root.GetProperty("composeExtensions")[0];
        Assert.Equal(BotId, search.GetProperty("botId").GetString());
        Assert.Equal(Features.MeasureSearch.MeasureSearch.CommandId,
            search.GetProperty("commands")[0].GetProperty("id").GetString());
        Assert.Equal(Features.MeasureSearch.MeasureSearch.Parameter,
            search.GetProperty("commands")[0].GetProperty("parameters")[0].GetProperty("name").GetString());
        var sso = root.GetProperty("webApplicationInfo");
        Assert.Equal((BotId, $"api://pmfbot-northmere.azurewebsites.net/{BotId}"),
            (sso.GetProperty("id").GetString(), sso.GetProperty("resource").GetString()));
    }

    [Fact]
    public void Manifest_IsValidAgainstMicrosoftsOfficialSchema()
    {
        var manifest = Path.Combine(Directory.CreateTempSubdirectory("pmfbot-manifest-").FullName, "manifest.json");
        using (var zip = ZipFile.OpenRead(BuildPackage()))
        {
            zip.GetEntry("manifest.json")!.ExtractToFile(manifest);
        }

        var (exit, output) = Validate(manifest);

        Assert.True(exit == 0, output);
        Assert.Equal("[]", output.Trim());
    }

    [Fact]
    public void Validator_RefusesAManifestTheSchemaDoesNot()
    {
        var manifest = Path.Combine(Directory.CreateTempSubdirectory("pmfbot-manifest-bad-").FullName, "manifest.json");
        File.WriteAllText(manifest, """{"manifestVersion":"1.30","version":"1.0.0","id":"not-a-guid","name":{"short":"x"}}""");

        var (exit, output) = Validate(manifest);

        Assert.Equal(1, exit);
        Assert.Contains("developer", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Icons_AreTheSizesTeamsRequires_AndTheOutlineIsWhiteOnTransparent()
    {
        var color = Png.Read(Path.Combine(Template, "color.png"));
        var outline = Png.Read(Path.Combine(Template, "outline.png"));

        Assert.Equal((192, 192), (color.Width, color.Height));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        Assert.All(color.Pixels, p => Assert.Equal(255, p.A)); // the colour icon is opaque
        Assert.Contains(outline.Pixels, p => p.A == 0);
        Assert.Contains(outline.Pixels, p => p.A == 255);
        Assert.All(outline.Pixels.Where(p => p.A > 0), p => Assert.Equal((255, 255, 255), (p.R, p.G, p.B)));
    }

    [Theory]
    [InlineData("not-a-guid", "pmfbot.azurewebsites.net", "--bot-id \"not-a-guid\" must be the Azure Bot's app id")]
    [InlineData(BotId, "https://pmfbot.azurewebsites.net/", "must be the bot's host name only")]
    public async Task AppPackageCommand_BadInput_SaysWhatIsWrong(string botId, string domain, string message)
    {
        var output = new StringWriter();

        var exit = await AdminCommandLine.RunAsync(["app-package", "--bot-id", botId, "--domain", domain, "--template", Template], output);

        Assert.Equal(2, exit);
        Assert.Contains(message, output.ToString(), StringComparison.Ordinal);
    }

    private static (int Exit, string Output) Validate(string manifest)
    {
        var (exit, output, errors) = NodeScript.Run(Path.Combine(Template, "validate-manifest.js"), manifest);
        return (exit, output + errors);
    }

    /// <summary>Just enough PNG decoding to check the icons: 8-bit RGBA, all five row filters.</summary>
    private static class Png
    {
        public readonly record struct Rgba(byte R, byte G, byte B, byte A);

        public sealed record Image(int Width, int Height, IReadOnlyList<Rgba> Pixels);

        public static Image Read(string path)
        {
            var bytes = File.ReadAllBytes(path);
            int width = 0, height = 0;
            using var idat = new MemoryStream();
            for (var at = 8; at < bytes.Length;)
            {
                var length = (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];
                var type = System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4);
                if (type == "IHDR")
                {
                    width = (bytes[at + 8] << 24) | (bytes[at + 9] << 16) | (bytes[at + 10] << 8) | bytes[at + 11];
                    height = (bytes[at + 12] << 24) | (bytes[at + 13] << 16) | (bytes[at + 14] << 8) | bytes[at + 15];
                    Assert.Equal((8, 6), (bytes[at + 16], bytes[at + 17])); // 8-bit RGBA
                }
                else if (type == "IDAT")
                {
                    idat.Write(bytes, at + 8, length);
                }

                at += 12 + length;
            }

            idat.Position = 0;
            using var inflated = new MemoryStream();
            using (var z = new ZLibStream(idat, CompressionMode.Decompress))
            {
                z.CopyTo(inflated);
            }

            var raw = inflated.ToArray();
            var stride = width * 4;
            var previous = new byte[stride];
            var pixels = new List<Rgba>(width * height);
            for (var y = 0; y < height; y++)
            {
                var filter = raw[y * (stride + 1)];
                var row = raw.AsSpan(y * (stride + 1) + 1, stride).ToArray();
                for (var x = 0; x < stride; x++)
                {
                    int a = x >= 4 ? row[x - 4] : 0, b = previous[x], c = x >= 4 ? previous[x - 4] : 0;
                    row[x] = (byte)(row[x] + filter switch
                    {
                        1 => a,
                        2 => b,
                        3 => (a + b) / 2,
                        4 => Paeth(a, b, c),
                        _ => 0,
                    });
                }

                for (var x = 0; x < width; x++)
                {
                    pixels.Add(new Rgba(row[x * 4], row[(x * 4) + 1], row[(x * 4) + 2], row[(x * 4) + 3]));
                }

                previous = row;
            }

            return new Image(width, height, pixels);
        }

        private static int Paeth(int a, int b, int c)
        {
            var p = a + b - c;
            int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
            return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }
    }
}
