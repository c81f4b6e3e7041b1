using System.Diagnostics;
using System.Text.Json;
using PmfBot.Testing;

namespace PmfBot.Tests.Scheduling;

/// <summary>
/// The bot as its own process (the PmfBot.dll built beside the tests) on a loopback port, so a test
/// can kill it outright, as a crash or a lost VM would, not shut it down politely.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private BotProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>What it logged, for a failing test's message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output.TakeLast(80));
            }
        }
    }

    public static async Task<BotProcess> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var port = LoopbackHost.FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PmfBot.dll"));
        foreach (var arg in LoopbackHost.Args(settings))
        {
            start.ArgumentList.Add(arg);
        }

        // LoopbackHost.Args asks for port 0; a process must say its port up front.
        var urls = start.ArgumentList.IndexOf("--urls");
        start.ArgumentList[urls + 1] = $"http://127.0.0.1:{port}";

        var bot = new BotProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !bot.HasExited)
        {
            try
            {
                if ((await bot.Client.GetAsync(new Uri("/healthz", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return bot;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        var output = bot.Output;
        await bot.DisposeAsync();
        throw new InvalidOperationException($"PmfBot did not start on port {port}:\n{output}");
    }

    /// <summary>This instance's scheduler lease state from /readyz: "Leader…", "Follower…", or what went wrong.</summary>
    public async Task<string> LeadershipAsync()
    {
        try
        {
            using var response = await Client.GetAsync(new Uri("/readyz", UriKind.Relative));
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return body.RootElement.GetProperty("checks").GetProperty("scheduler-lease").GetProperty("description").GetString() ?? string.Empty;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
        {
            return e.Message;
        }
    }

    public async Task<bool> IsLeaderAsync() => (await LeadershipAsync()).StartsWith("Leader", StringComparison.Ordinal);

    /// <summary>Kills the process at once: no shutdown, no lease released, sends in flight cut off.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Asks it to stop, as App Service does on a restart or scale-in (SIGTERM), and waits until it has.</summary>
    public async Task StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }
    }

}
