using FourDuty.Engine.Outbox;
using FourDuty.Workflows.Organization;

namespace FourDuty.Workflows.Notifications;

/// <summary>What every mail delivery does with its recipient: find them, pick their language, send, and turn the transport's verdict into the outbox's.</summary>
internal static class MailRecipient
{
    /// <summary>The person, or the failure that shows on the outbox page when they cannot get mail (unknown, or no address).</summary>
    public static (Person? Person, OutboxOutcome? Failure) Find(PeopleDirectory directory, string id) =>
        directory.Find(id) switch
        {
            null => (null, OutboxOutcome.Failed($"'{id}' is not in the organisation file; add the person, or correct the task's assignee or candidates.")),
            { Email: null } => (null, OutboxOutcome.Failed($"'{id}' has no email address in the organisation file.")),
            var person => (person, null),
        };

    /// <summary>The person's language, else the service's.</summary>
    public static string CultureOf(Person person, NotificationOptions options) =>
        MailCultures.IsWellFormed(person.Culture) ? person.Culture! : options.Culture;

    public static async Task<OutboxOutcome> SendAsync(IMailTransport transport, Guid outboxId, Person person, MailContent content, CancellationToken cancellationToken)
    {
        var outcome = await transport.SendAsync(new MailEnvelope(outboxId, person.Email!, person.Name, content), cancellationToken);
        return outcome.Kind switch
        {
            MailOutcomeKind.Sent => OutboxOutcome.Sent(outcome.Reply),
            MailOutcomeKind.RetryLater => OutboxOutcome.RetryLater(outcome.Reply),
            _ => OutboxOutcome.Failed(outcome.Reply),
        };
    }
}
