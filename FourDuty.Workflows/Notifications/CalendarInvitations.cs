using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace FourDuty.Workflows.Notifications;

/// <summary>
/// iCalendar (RFC 5545, iTIP RFC 5546) bodies for talk invitations, as Outlook, Apple Mail and webmail calendars accept
/// them: METHOD:REQUEST to invite or update (same UID, higher SEQUENCE), METHOD:CANCEL with STATUS:CANCELLED to call off.
/// Times are written in UTC, which every client shows in its own zone without a VTIMEZONE.
/// </summary>
internal sealed class CalendarInvitations(TimeProvider time)
{
    public const string Request = "REQUEST";
    public const string Cancel = "CANCEL";
    private const string ProductId = "-//FourDuty//Talk invitations//ZH";

    /// <summary>An invitation, or an update of one when <see cref="TalkInvitation.Sequence"/> is higher than before.</summary>
    /// <exception cref="ArgumentException">The UID is empty, the sequence negative, the end not after the start, or an address invalid.</exception>
    public CalendarPart CreateRequest(TalkInvitation talk) => Build(talk, Request, EventStatus.Confirmed);

    /// <summary>The cancellation of the talk with the same UID; its sequence must be higher than the last invitation's.</summary>
    /// <exception cref="ArgumentException">The UID is empty, the sequence negative, the end not after the start, or an address invalid.</exception>
    public CalendarPart CreateCancel(TalkInvitation talk) => Build(talk, Cancel, EventStatus.Cancelled);

    private CalendarPart Build(TalkInvitation talk, string method, string status)
    {
        Check(talk);
        var talkEvent = new CalendarEvent
        {
            Uid = talk.Uid,
            Sequence = talk.Sequence,
            Summary = talk.Summary,
            Description = talk.Description,
            Location = talk.Location,
            DtStart = Utc(talk.Start),
            DtEnd = Utc(talk.End),
            DtStamp = Utc(time.GetUtcNow()),
            Status = status,
            Organizer = new Organizer($"mailto:{talk.OrganizerAddress}") { CommonName = talk.OrganizerName },
            Transparency = TransparencyType.Opaque,
        };
        var attendee = new Attendee($"mailto:{talk.AttendeeAddress}") { CommonName = talk.AttendeeName, Role = ParticipationRole.RequiredParticipant };
        if (method == Request)
        {
            // The attendee is asked to answer (accept or decline), which Outlook shows as the meeting buttons.
            attendee.ParticipationStatus = EventParticipationStatus.NeedsAction;
            attendee.Rsvp = true;
        }

        talkEvent.Attendees.Add(attendee);

        var calendar = new Ical.Net.Calendar { ProductId = ProductId, Method = method };
        calendar.Events.Add(talkEvent);
        return new CalendarPart(method, new CalendarSerializer().SerializeToString(calendar)!);
    }

    private static CalDateTime Utc(DateTimeOffset instant) => new(instant.UtcDateTime, CalDateTime.UtcTzId);

    private static void Check(TalkInvitation talk)
    {
        if (string.IsNullOrWhiteSpace(talk.Uid))
        {
            throw new ArgumentException("A talk invitation needs a stable UID, e.g. 'talk-{talkId}@fourduty'.", nameof(talk));
        }

        if (talk.Sequence < 0)
        {
            throw new ArgumentException($"SEQUENCE starts at 0 and grows with each update. Given: {talk.Sequence}.", nameof(talk));
        }

        if (talk.End <= talk.Start)
        {
            throw new ArgumentException($"The talk must end after it starts. Given: {talk.Start:O} to {talk.End:O}.", nameof(talk));
        }

        foreach (var address in new[] { talk.OrganizerAddress, talk.AttendeeAddress })
        {
            if (!MailAddresses.IsValid(address))
            {
                throw new ArgumentException($"'{address}' is not a valid email address for the invitation.", nameof(talk));
            }
        }
    }
}
