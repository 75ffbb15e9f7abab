using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace FourDuty.Host.Mail;

/// <summary>
/// Sends through an SMTP server with MailKit, over one connected, authenticated client that every send reuses
/// (one at a time; a semaphore keeps MailKit's client to one caller). A connection the server dropped while idle
/// is replaced and the send tried once more; failures are answered as <see cref="MailOutcome"/>s (see
/// <see cref="SmtpFailures"/>). The connection is closed with QUIT when the service stops.
/// </summary>
internal sealed class SmtpMailTransport(
    IOptions<MailOptions> options, MimeMessageFactory messages, ILogger<SmtpMailTransport> logger)
    : IMailTransport, IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private SmtpClient? client;
    private bool disposed;

    /// <summary>Connections opened so far (for logs and tests).</summary>
    public int ConnectionsOpened { get; private set; }

    /// <inheritdoc />
    public async Task<MailOutcome> SendAsync(MailEnvelope envelope, CancellationToken cancellationToken)
    {
        MimeMessage message;
        try
        {
            message = messages.Create(envelope);
        }
        catch (FormatException e)
        {
            return new MailOutcome(MailOutcomeKind.Failed, $"Not sent: {e.Message} Correct the address; the message cannot be delivered as it is.");
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            var reply = await SendOverOpenConnectionAsync(message, envelope.OutboxId, cancellationToken);
            logger.LogInformation("Mail {OutboxId} sent: {Reply}", envelope.OutboxId, reply);
            return new MailOutcome(MailOutcomeKind.Sent, reply);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // MailKit leaves a client cancelled mid-command in no known state.
            await DropClientAsync();
            throw;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && SmtpFailures.Classify(e) is { } outcome)
        {
            if (SmtpFailures.BreaksConnection(e))
            {
                await DropClientAsync();
            }

            logger.LogWarning("Mail {OutboxId} not sent ({Kind}): {Reply}", envelope.OutboxId, outcome.Kind, outcome.Reply);
            return outcome;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Says QUIT on the kept connection (waiting for a send in progress) and closes it; later sends throw.</summary>
    public async ValueTask DisposeAsync()
    {
        await gate.WaitAsync();
        try
        {
            disposed = true;
            if (client is { IsConnected: true })
            {
                try
                {
                    using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await client.DisconnectAsync(quit: true, quit.Token);
                }
                catch (Exception e) when (SmtpFailures.Classify(e) is not null)
                {
                    // Stopping: a server that does not answer QUIT is simply left.
                }
            }

            client?.Dispose();
            client = null;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>As <see cref="DisposeAsync"/>, for containers disposed synchronously.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <remarks>Runs under <see cref="gate"/>.</remarks>
    private async Task<string> SendOverOpenConnectionAsync(MimeMessage message, Guid outboxId, CancellationToken cancellationToken)
    {
        var reused = client is { IsConnected: true };
        var smtp = await ConnectedClientAsync(cancellationToken);
        try
        {
            return await smtp.SendAsync(MimeMessageFactory.Format, message, cancellationToken);
        }
        catch (Exception e) when (reused && !cancellationToken.IsCancellationRequested && SmtpFailures.MayBeStaleConnection(e))
        {
            // Servers close idle connections (often with a 421 we only see at the next command). Nothing of this message
            // was accepted yet in the usual case; if DATA had been accepted, a second copy carries the same Message-ID.
            logger.LogInformation("The kept SMTP connection was closed by the server ({Error}); reconnecting for mail {OutboxId}.", e.Message, outboxId);
            await DropClientAsync();
            smtp = await ConnectedClientAsync(cancellationToken);
            return await smtp.SendAsync(MimeMessageFactory.Format, message, cancellationToken);
        }
    }

    /// <remarks>Runs under <see cref="gate"/>.</remarks>
    private async Task<SmtpClient> ConnectedClientAsync(CancellationToken cancellationToken)
    {
        if (client is { IsConnected: true })
        {
            return client;
        }

        await DropClientAsync();
        var smtp = options.Value.Smtp;
        // Only constructed when Mail:Smtp:Host is set (see MailServiceCollectionExtensions).
        var fresh = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await fresh.ConnectAsync(smtp.Host!, smtp.Port, SecurityOf(smtp.Security), cancellationToken);
            ConnectionsOpened++;
            if (!string.IsNullOrEmpty(smtp.User))
            {
                await fresh.AuthenticateAsync(smtp.User, smtp.Password ?? string.Empty, cancellationToken);
            }
        }
        catch
        {
            fresh.Dispose();
            throw;
        }

        logger.LogDebug("Connected to the SMTP server {Host}:{Port}.", smtp.Host, smtp.Port);
        client = fresh;
        return fresh;
    }

    /// <remarks>Runs under <see cref="gate"/>.</remarks>
    private async Task DropClientAsync()
    {
        if (client is null)
        {
            return;
        }

        var old = client;
        client = null;
        try
        {
            if (old.IsConnected)
            {
                using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await old.DisconnectAsync(quit: false, quick.Token);
            }
        }
        catch (Exception e) when (SmtpFailures.Classify(e) is not null)
        {
            // The connection is being thrown away; how it ends does not matter.
        }
        finally
        {
            old.Dispose();
        }
    }

    private static SecureSocketOptions SecurityOf(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
