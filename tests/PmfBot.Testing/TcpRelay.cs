using System.Net;
using System.Net.Sockets;

namespace PmfBot.Testing;

/// <summary>
/// A TCP relay on a loopback port to another one (Azurite's Table service), that a test can cut
/// and restore: while cut, connections are refused and those open are dropped, as when storage
/// goes down; restored, on the same port, as when it comes back.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly int _target;
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private CancellationTokenSource? _running;

    private TcpRelay(int port, int target)
    {
        Port = port;
        _target = target;
    }

    public int Port { get; }

    public static TcpRelay Start(int target)
    {
        var relay = new TcpRelay(LoopbackHost.FreePort(), target);
        relay.Restore();
        return relay;
    }

    /// <summary>The relay's address in place of the target's, in a connection string or URL.</summary>
    public string Through(string text) =>
        text.Replace($"127.0.0.1:{_target}", $"127.0.0.1:{Port}", StringComparison.Ordinal);

    public void Cut()
    {
        _running?.Cancel();
        _listener?.Stop();
        _listener = null;
        lock (_open)
        {
            foreach (var client in _open)
            {
                client.Dispose();
            }

            _open.Clear();
        }
    }

    public void Restore()
    {
        _running = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = AcceptAsync(_listener, _running.Token);
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        return ValueTask.CompletedTask;
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = PipeAsync(inbound, cancellationToken);
        }
    }

    private async Task PipeAsync(TcpClient inbound, CancellationToken cancellationToken)
    {
        var outbound = new TcpClient();
        lock (_open)
        {
            _open.Add(inbound);
            _open.Add(outbound);
        }

        try
        {
            await outbound.ConnectAsync(IPAddress.Loopback, _target, cancellationToken);
            using var a = inbound.GetStream();
            using var b = outbound.GetStream();
            await Task.WhenAny(a.CopyToAsync(b, cancellationToken), b.CopyToAsync(a, cancellationToken));
        }
        catch (Exception e)
            when (e is OperationCanceledException or ObjectDisposedException or SocketException or IOException)
        {
            // Cut, or either side closed: the other side is closed below.
        }
        finally
        {
            inbound.Dispose();
            outbound.Dispose();
        }
    }
}
