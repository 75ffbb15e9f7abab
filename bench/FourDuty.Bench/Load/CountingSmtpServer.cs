using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Text;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using FourDuty.Tests.Host.Mail;

namespace FourDuty.Bench.Load;

/// <summary>
/// A loopback SMTP server in the bench process (the SmtpServer package) that counts what it accepts by Message-ID: how
/// many messages, how many distinct, how many sessions. <see cref="StopAsync"/> drops every open connection, as a server
/// that goes down does; <see cref="StartAsync"/> listens again on the same port.
/// </summary>
internal sealed class CountingSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, int> _messageIds = new();
    private CancellationTokenSource? _stop;
    private NoDelayEndpoints? _endpoints;
    private Task? _running;
    private int _messages;
    private int _sessions;

    public int Port { get; private set; }

    public int Messages => Volatile.Read(ref _messages);

    public int Distinct => _messageIds.Count;

    public int Duplicates => _messageIds.Values.Count(n => n > 1);

    public int Sessions => Volatile.Read(ref _sessions);

    public async Task StartAsync(int port = 0)
    {
        var listeners = _endpoints = new NoDelayEndpoints();
        var bound = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        listeners.EndpointStarted += (_, e) => bound.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp.bench.local")
            .MaxMessageSize(10 * 1024 * 1024)
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new Store(this));
        var server = new SmtpServer.SmtpServer(options, services);
        server.SessionCreated += (_, _) => Interlocked.Increment(ref _sessions);
        _stop = new CancellationTokenSource();
        _running = server.StartAsync(_stop.Token);
        Port = await bound.Task.WaitAsync(TimeSpan.FromSeconds(15));
    }

    public async Task StopAsync()
    {
        if (_stop is null || _running is null)
        {
            return;
        }

        _endpoints?.DropAll();
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(15));
        }
        catch (OperationCanceledException)
        {
            // The normal end of a cancelled server.
        }

        _stop.Dispose();
        _stop = null;
        _running = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static string MessageId(ReadOnlySequence<byte> buffer)
    {
        // The headers come first; only the Message-ID is needed.
        var head = Encoding.ASCII.GetString(buffer.Slice(0, Math.Min(buffer.Length, 8192)).ToArray());
        foreach (var line in head.Split("\r\n"))
        {
            if (line.Length == 0)
            {
                break;
            }

            if (line.StartsWith("Message-ID:", StringComparison.OrdinalIgnoreCase))
            {
                return line[11..].Trim();
            }
        }

        return "(none)";
    }

    private sealed class Store(CountingSmtpServer server) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            server._messageIds.AddOrUpdate(MessageId(buffer), 1, (_, n) => n + 1);
            Interlocked.Increment(ref server._messages);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
