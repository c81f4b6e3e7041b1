using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PmfBot.Admin;

/// <summary>What goes into the Teams app package besides the template.</summary>
/// <param name="AppId">The Teams app's id (often the same as the bot's).</param>
/// <param name="Domain">The bot's host name, e.g. pmfbot-northmere.azurewebsites.net (no scheme, no path).</param>
public sealed record AppPackageSettings(string BotId, string AppId, string Domain, string CouncilName, string Version);

/// <summary>
/// Fills appPackage/manifest.json's placeholders and zips it with the icons, as Teams expects (files at the root).
/// </summary>
public static partial class AppPackageBuilder
{
    public static readonly string[] Files = ["manifest.json", "color.png", "outline.png"];

    public static IReadOnlyList<string> Problems(AppPackageSettings settings)
    {
        var problems = new List<string>();
        if (!Guid.TryParse(settings.BotId, out _))
        {
            problems.Add($"--bot-id \"{settings.BotId}\" must be the Azure Bot's app id (a GUID).");
        }

        if (!Guid.TryParse(settings.AppId, out _))
        {
            problems.Add($"--app-id \"{settings.AppId}\" must be a GUID.");
        }

        if (!HostName().IsMatch(settings.Domain))
        {
            problems.Add(
                $"--domain \"{settings.Domain}\" must be the bot's host name only, e.g. pmfbot.azurewebsites.net."
            );
        }

        if (!SemVer().IsMatch(settings.Version))
        {
            problems.Add($"--version \"{settings.Version}\" must look like 1.0.0.");
        }

        if (settings.CouncilName.Trim().Length is < 2 or > 32)
        {
            problems.Add("--council must be 2 to 32 characters (Teams shows it as the developer's name).");
        }

        return problems;
    }

    /// <summary>Writes the zip. The template folder holds manifest.json, color.png and outline.png.</summary>
    public static void Build(string templateFolder, AppPackageSettings settings, string outputZip)
    {
        var manifest = File.ReadAllText(Path.Combine(templateFolder, "manifest.json"))
            .Replace("{{BOT_ID}}", Json(settings.BotId), StringComparison.Ordinal)
            .Replace("{{APP_ID}}", Json(settings.AppId), StringComparison.Ordinal)
            .Replace("{{DOMAIN}}", Json(settings.Domain), StringComparison.Ordinal)
            .Replace("{{COUNCIL_NAME}}", Json(settings.CouncilName.Trim()), StringComparison.Ordinal)
            .Replace("{{VERSION}}", Json(settings.Version), StringComparison.Ordinal);
        if (manifest.Contains("{{", StringComparison.Ordinal))
        {
            throw new InvalidDataException("manifest.json has a placeholder the package builder does not fill.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputZip))!);
        File.Delete(outputZip);
        using var zip = ZipFile.Open(outputZip, ZipArchiveMode.Create);
        using (var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open()))
        {
            writer.Write(manifest);
        }

        zip.CreateEntryFromFile(Path.Combine(templateFolder, "color.png"), "color.png");
        zip.CreateEntryFromFile(Path.Combine(templateFolder, "outline.png"), "outline.png");
    }

    /// <summary>A value as it may stand inside a JSON string (the template's placeholders sit in strings).</summary>
    private static string Json(string value) => JsonSerializer.Serialize(value)[1..^1];

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", RegexOptions.IgnoreCase)]
    private static partial Regex HostName();

    [GeneratedRegex(@"^[0-9]{1,4}\.[0-9]{1,4}\.[0-9]{1,4}$")]
    private static partial Regex SemVer();
}
