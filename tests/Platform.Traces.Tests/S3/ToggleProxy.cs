using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Platform.Traces.Tests.S3;

/// <summary>
/// A loopback TCP proxy in front of the S3 server that a test can take down (every connection reset, open ones cut)
/// and bring back, so "S3 is down" is a real network failure whatever server the fixture uses.
/// </summary>
internal sealed class ToggleProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Socket, byte> _open = new();
    private readonly Task _accepting;
    private volatile bool _down;

    public ToggleProxy(Uri target)
    {
        _target = target;
        _listener.Start();
        Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri Endpoint { get; }

    public void Down()
    {
        _down = true;
        foreach (var socket in _open.Keys)
        {
            Reset(socket);
        }
    }

    public void Up() => _down = false;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Down();
        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    /// <summary>Closes with a reset, as a crashed server's host would.</summary>
    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (ObjectDisposedException)
        {
            // Already closed by its own pipe.
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            if (_down)
            {
                Reset(client.Client);
                client.Dispose();
                continue;
            }

            _ = PipeAsync(client);
        }
    }

    private async Task PipeAsync(TcpClient client)
    {
        using var upstream = new TcpClient();
        var sockets = new[] { client.Client, upstream.Client };
        foreach (var s in sockets)
        {
            _open[s] = 0;
        }

        try
        {
            await upstream.ConnectAsync(_target.Host, _target.Port, _stop.Token);
            using var a = client.GetStream();
            using var b = upstream.GetStream();
            await Task.WhenAny(a.CopyToAsync(b, _stop.Token), b.CopyToAsync(a, _stop.Token));
        }
        catch (Exception)
        {
            // A cut connection is what Down() is for.
        }
        finally
        {
            foreach (var s in sockets)
            {
                _open.TryRemove(s, out _);
            }

            client.Dispose();
        }
    }
}
