using Microsoft.Extensions.Options;

namespace FourDuty.Host.Mail;

/// <summary>
/// Delivers to a folder instead of a server (no SMTP host configured): each message becomes
/// <c>{outboxId:N}.eml</c>, replaced whole by a retry, so that one outbox row is one file that any mail client opens.
/// </summary>
internal sealed class PickupFolderMailTransport(IOptions<MailOptions> options, MimeMessageFactory messages, ILogger<PickupFolderMailTransport> logger)
    : IMailTransport
{
    /// <summary>The folder, as an absolute path.</summary>
    public string Folder { get; } = Path.GetFullPath(options.Value.PickupFolder);

    /// <summary>The file that the message of <paramref name="outboxId"/> is written to.</summary>
    public string PathOf(Guid outboxId) => Path.Combine(Folder, $"{outboxId:N}.eml");

    /// <inheritdoc />
    public async Task<MailOutcome> SendAsync(MailEnvelope envelope, CancellationToken cancellationToken)
    {
        MimeKit.MimeMessage message;
        try
        {
            message = messages.Create(envelope);
        }
        catch (FormatException e)
        {
            return new MailOutcome(MailOutcomeKind.Failed, $"Not written: {e.Message}");
        }

        var path = PathOf(envelope.OutboxId);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Folder);
            // Written aside and moved over the old file: a reader never sees half a message, and a retry leaves one file.
            await message.WriteToAsync(MimeMessageFactory.Format, temporary, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            logger.LogWarning("Mail {OutboxId} could not be written to {Path}: {Error}", envelope.OutboxId, path, e.Message);
            return new MailOutcome(MailOutcomeKind.RetryLater, $"could not write {path}: {e.Message}");
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }

        logger.LogInformation("Mail {OutboxId} written to {Path}", envelope.OutboxId, path);
        return new MailOutcome(MailOutcomeKind.Sent, $"written to {path}");
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A stray .tmp file is harmless; the next attempt writes its own.
        }
    }
}
