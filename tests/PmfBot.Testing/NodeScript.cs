using System.Diagnostics;

namespace PmfBot.Testing;

/// <summary>Runs one of the project's Node scripts (the card and manifest validators) and returns its exit code and output.</summary>
public static class NodeScript
{
    public static (int Exit, string Output, string Errors) Run(string script, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo("node", [script, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, errors.Result);
    }
}
