using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using PmfBot.Testing;

namespace PmfBot.Tests.Infra;

/// <summary>
/// The Azure templates (infra/azure) compile and lint clean with Microsoft's Bicep CLI, and say
/// what the deployment guide promises. bicepconfig.json makes the linter's rules errors; Bicep
/// has no setting for its compiler warnings (BCP037, an unknown property, among them), so any
/// warning at all fails here.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // the linux-x64 Bicep CLI
public sealed class BicepTemplateTests
{
    private static readonly string Folder = Repo.Path("infra", "azure");

    private static string Cli
    {
        get
        {
            var path = typeof(BicepTemplateTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepCli").Value!;
            if (!File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute))
            {
                File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute); // NuGet doesn't keep the execute bit
            }

            return path;
        }
    }

    private static async Task<(int Exit, string Output, string Diagnostics)> BicepAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Cli) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Folder };
        start.Environment["BICEP_TRACING_ENABLED"] = "false";
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var bicep = Process.Start(start)!;
        var output = bicep.StandardOutput.ReadToEndAsync();
        var diagnostics = bicep.StandardError.ReadToEndAsync();
        await bicep.WaitForExitAsync();
        return (bicep.ExitCode, await output, await diagnostics);
    }

    private static async Task<JsonDocument> CompileAsync()
    {
        var (exit, template, diagnostics) = await BicepAsync("build", "main.bicep", "--stdout");
        Assert.True(exit == 0 && diagnostics.Length == 0, $"bicep build: exit {exit}\n{diagnostics}");
        return JsonDocument.Parse(template);
    }

    [Fact]
    public async Task TheTemplates_CompileAndLint_WithoutAWarning()
    {
        using var _ = await CompileAsync();

        var lint = await BicepAsync("lint", "main.bicep");
        Assert.True(lint.Exit == 0 && lint.Output.Length + lint.Diagnostics.Length == 0, $"bicep lint: exit {lint.Exit}\n{lint.Output}{lint.Diagnostics}");
        var parameters = await BicepAsync("build-params", "main.bicepparam", "--stdout");
        Assert.True(parameters.Exit == 0 && parameters.Diagnostics.Length == 0, $"bicep build-params: exit {parameters.Exit}\n{parameters.Diagnostics}");
    }

    [Fact]
    public async Task AnUnknownProperty_FailsTheCheck()
    {
        var broken = Path.Combine(Folder, $"broken-{Guid.NewGuid():N}.bicep");
        await File.WriteAllTextAsync(broken, """
            resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
              name: 'plan'
              location: resourceGroup().location
              properties: { reserved: true, notAProperty: true }
            }
            """);
        try
        {
            var (_, _, diagnostics) = await BicepAsync("build", Path.GetFileName(broken), "--stdout");
            Assert.Contains("BCP037", diagnostics, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public async Task TheDeployment_IsWhatTheGuideSays()
    {
        using var template = await CompileAsync();
        var resources = AllResources(template.RootElement).ToList();
        string Json(string type) => string.Join('\n', resources.Where(r => r.GetProperty("type").GetString() == type).Select(r => r.GetRawText()));

        var plan = Json("Microsoft.Web/serverfarms");
        Assert.Contains("\"reserved\": true", plan, StringComparison.Ordinal); // Linux
        var site = Json("Microsoft.Web/sites");
        Assert.Contains("DOTNETCORE|10.0", site, StringComparison.Ordinal);
        Assert.Contains("\"alwaysOn\": true", site, StringComparison.Ordinal);
        Assert.Contains("\"healthCheckPath\": \"/readyz\"", site, StringComparison.Ordinal);
        Assert.Contains("@Microsoft.KeyVault(SecretUri=", template.RootElement.GetRawText(), StringComparison.Ordinal); // storage from Key Vault
        Assert.Contains("keyVaultReferenceIdentity", site, StringComparison.Ordinal);
        Assert.Contains("\"channelName\": \"MsTeamsChannel\"", Json("Microsoft.BotService/botServices/channels"), StringComparison.Ordinal);
        var containers = Json("Microsoft.Storage/storageAccounts/blobServices/containers");
        Assert.Contains("pmfbot-leases", containers, StringComparison.Ordinal);
        Assert.Contains("pmfbot-keyring", containers, StringComparison.Ordinal);
        // The key ring's certificate comes from Key Vault.
        Assert.Contains("KeyRing__Certificate", template.RootElement.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("\"enableRbacAuthorization\": true", Json("Microsoft.KeyVault/vaults"), StringComparison.Ordinal);
        Assert.NotEmpty(Json("Microsoft.Insights/components"));
        Assert.Equal(2, template.RootElement.GetProperty("parameters").GetProperty("instanceCount").GetProperty("minValue").GetInt32());
        Assert.Equal("securestring", template.RootElement.GetProperty("parameters").GetProperty("botAppSecret").GetProperty("type").GetString());
    }

    /// <summary>Every resource, the modules' (nested deployments) included.</summary>
    private static IEnumerable<JsonElement> AllResources(JsonElement template)
    {
        var resources = template.GetProperty("resources");
        var list = resources.ValueKind == JsonValueKind.Object ? resources.EnumerateObject().Select(p => p.Value) : resources.EnumerateArray();
        foreach (var resource in list)
        {
            yield return resource;
            if (resource.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty("template", out var nested))
            {
                foreach (var inner in AllResources(nested))
                {
                    yield return inner;
                }
            }
        }
    }
}
