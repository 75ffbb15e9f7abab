using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;

namespace FourDuty.Tests.Host.Mail;

/// <summary>
/// The loopback SMTP servers' listener (tests and bench; the bench links this file): plain TCP with Nagle's algorithm off,
/// keeping every accepted connection so that a stop can drop them as a server going down does.
/// </summary>
/// <remarks>
/// The SmtpServer package writes each reply with a write of its own. Under PIPELINING the client sends MAIL FROM and RCPT TO
/// together; the second reply then waits behind Nagle's algorithm for the acknowledgement of the first, which the client
/// delays (40 ms on Linux): 45 ms per message on one connection instead of 2 ms (measured with MailKit, 2026-12-06). Mail
/// servers in service (Postfix, Exchange) send the replies of a pipelined group together, so a loopback server that stalls
/// there would measure the test server, not the outbox.
/// </remarks>
internal sealed class NoDelayEndpoints : IEndpointListenerFactory
{
    private readonly ConcurrentDictionary<TcpClient, byte> _open = new();

    /// <summary>Raised with the bound endpoint once a listener has started (port 0 picks a free port).</summary>
    public event EventHandler<EndpointEventArgs>? EndpointStarted;

    public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
    {
        var listener = new TcpListener(endpointDefinition.Endpoint);
        listener.Server.NoDelay = true;
        listener.Start();
        EndpointStarted?.Invoke(this, new EndpointEventArgs(endpointDefinition, listener.LocalEndpoint));
        return new Listener(listener, this);
    }

    /// <summary>Drops every open connection at once, without replies.</summary>
    public void DropAll()
    {
        foreach (var client in _open.Keys)
        {
            _open.TryRemove(client, out _);
            client.Dispose();
        }
    }

    private sealed class Listener(TcpListener listener, NoDelayEndpoints owner) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken);
            client.NoDelay = true;
            owner._open[client] = 0;
            return new Pipe(client, () => owner._open.TryRemove(client, out _));
        }

        public void Dispose() => listener.Stop();
    }

    private sealed class Pipe(TcpClient client, Action closed) : ISecurableDuplexPipe
    {
        private readonly NetworkStream _stream = client.GetStream();

        public PipeReader Input => field ??= PipeReader.Create(_stream);

        public PipeWriter Output => field ??= PipeWriter.Create(_stream);

        public bool IsSecure => false;

        public SslProtocols SslProtocol => SslProtocols.None;

        public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The loopback test servers speak plain SMTP only.");

        public void Dispose()
        {
            closed();
            client.Dispose();
        }
    }
}
