using FourDuty.Workflows.Notifications;
using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.IO;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace FourDuty.Tests.Host.Mail;

/// <summary>
/// A real SMTP server in the test process (the SmtpServer package) on a free loopback port: it keeps every message
/// it receives, counts sessions, and can defer (4xx) or refuse (5xx) chosen recipients.
/// </summary>
internal sealed class TestSmtpServer : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly ConcurrentQueue<ReceivedMail> received = new();
    private readonly SemaphoreSlim arrivals = new(0);
    private readonly SemaphoreSlim sessionEnds = new(0);
    private readonly ConcurrentDictionary<string, SmtpResponse> refusals = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim holding = new(0);
    private TaskCompletionSource? held;
    private CancellationTokenSource? stop;
    private NoDelayEndpoints? endpoints;
    private Task? running;
    private int sessions;
    private int taken;

    /// <summary>The port it listens on (kept across <see cref="StopAsync"/> and <see cref="RestartAsync"/>).</summary>
    public int Port { get; private set; }

    /// <summary>SMTP sessions (TCP connections) accepted since start.</summary>
    public int Sessions => Volatile.Read(ref sessions);

    /// <summary>Every message received so far, in order.</summary>
    public IReadOnlyList<ReceivedMail> Received => received.ToArray();

    /// <summary>The Host settings that send its mail here, in plain SMTP.</summary>
    public Dictionary<string, string> MailSettings() => new()
    {
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Smtp:Security"] = "None",
        ["Mail:From"] = "noreply@college.example",
    };

    /// <summary>
    /// <see cref="MailSettings"/> for a Host on the simulated clock (starting now), whose mailed links point at
    /// <c>http://fourduty.test</c>: the set-up of the tests that read the mails a process sends.
    /// </summary>
    public Dictionary<string, string> MailSettingsOnSimulatedClock() => new(MailSettings())
    {
        ["Clock:Mode"] = "Simulated",
        ["Clock:Start"] = DateTimeOffset.UtcNow.ToString("O"),
        ["PublicUrl"] = "http://fourduty.test",
    };

    public static async Task<TestSmtpServer> StartAsync()
    {
        var server = new TestSmtpServer();
        await server.ListenAsync(0);
        return server;
    }

    /// <summary>Answers RCPT TO for <paramref name="address"/> with <paramref name="code"/> and <paramref name="text"/> until <see cref="Accept"/>.</summary>
    public void Refuse(string address, int code, string text) => refusals[address] = new SmtpResponse((SmtpReplyCode)code, text);

    public void Accept(string address) => refusals.TryRemove(address, out _);

    /// <summary>
    /// A server that has stopped answering: from now on each message's DATA waits without a reply until <see cref="Answer"/>
    /// (the client's command timeout still applies).
    /// </summary>
    public void Hold() => held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Answers the messages held since <see cref="Hold"/>, and answers at once again.</summary>
    public void Answer() => Interlocked.Exchange(ref held, null)?.TrySetResult();

    /// <summary>Waits until a message's DATA is being held (see <see cref="Hold"/>), or fails after a while.</summary>
    public async Task HoldingAsync()
    {
        if (!await holding.WaitAsync(Patience))
        {
            throw new TimeoutException($"No message reached the held server within {Patience.TotalSeconds} s.");
        }
    }

    /// <summary>Waits for the next message not yet taken, or fails after a while; no sleeping.</summary>
    public async Task<ReceivedMail> NextAsync()
    {
        if (!await arrivals.WaitAsync(Patience))
        {
            throw new TimeoutException($"No message arrived at the test SMTP server within {Patience.TotalSeconds} s ({received.Count} so far).");
        }

        return received.ElementAt(taken++);
    }

    /// <summary>Waits until a session has ended (the client said QUIT or hung up), or fails after a while.</summary>
    public async Task SessionEndedAsync()
    {
        if (!await sessionEnds.WaitAsync(Patience))
        {
            throw new TimeoutException($"No SMTP session ended within {Patience.TotalSeconds} s.");
        }
    }

    /// <summary>
    /// Stops listening and drops every open connection, as a server that goes down does: a client in the middle of DATA
    /// sees the connection break, not a reply (a cancelled session of the SmtpServer package would answer 554, which
    /// says "refused for good" and is not what a server going down says).
    /// </summary>
    public async Task StopAsync()
    {
        if (stop is null || running is null)
        {
            return;
        }

        endpoints?.DropAll();
        await stop.CancelAsync();
        try
        {
            await running.WaitAsync(Patience);
        }
        catch (OperationCanceledException)
        {
            // The normal end of a cancelled server.
        }

        stop.Dispose();
        stop = null;
        running = null;
    }

    /// <summary>Listens again on the same port.</summary>
    public Task RestartAsync() => ListenAsync(Port);

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task ListenAsync(int port)
    {
        var listeners = endpoints = new NoDelayEndpoints();
        var bound = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        listeners.EndpointStarted += (_, e) => bound.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);

        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp.fourduty.test")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new ServiceProvider();
        services.Add(listeners);
        services.Add(new Store(this));
        services.Add(new Filter(this));

        var server = new SmtpServer.SmtpServer(options, services);
        server.SessionCreated += (_, _) => Interlocked.Increment(ref sessions);
        server.SessionCompleted += (_, _) => sessionEnds.Release();
        stop = new CancellationTokenSource();
        running = server.StartAsync(stop.Token);
        Port = await bound.Task.WaitAsync(Patience);
    }

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref server.held) is { } held)
            {
                server.holding.Release();
                await held.Task.WaitAsync(cancellationToken);
            }

            var raw = buffer.ToArray();
            using var stream = new MemoryStream(raw);
            var message = MimeMessage.Load(stream, cancellationToken);
            server.received.Enqueue(new ReceivedMail(
                transaction.From.AsAddress(), transaction.To.Select(to => to.AsAddress()).ToList(), raw, message));
            server.arrivals.Release();
            return new SmtpResponse(SmtpReplyCode.Ok, $"2.0.0 Ok: queued as {server.received.Count}");
        }
    }

    private sealed class Filter(TestSmtpServer server) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
            Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            server.refusals.TryGetValue(to.AsAddress(), out var refusal) ? throw new SmtpResponseException(refusal) : Task.FromResult(true);
    }
}

/// <summary>One message as the server received it: envelope, raw bytes and parsed.</summary>
internal sealed record ReceivedMail(string EnvelopeFrom, IReadOnlyList<string> EnvelopeTo, byte[] Raw, MimeMessage Message)
{
    /// <summary>The header block as sent, before any decoding.</summary>
    public string RawHeaders
    {
        get
        {
            var text = System.Text.Encoding.ASCII.GetString(Raw);
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            return end < 0 ? text : text[..end];
        }
    }
}
