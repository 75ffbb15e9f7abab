namespace FourDuty.Workflows.Notifications;

/// <summary>A talk to put in the attendee's calendar (see <see cref="CalendarInvitations"/>).</summary>
/// <param name="Uid">The event's UID, stable for the talk across updates and the cancellation, e.g. <c>talk-{talkId}@fourduty</c>.</param>
/// <param name="Sequence">The revision: 0 for the first invitation, higher for each update; a cancellation must be higher still.</param>
/// <param name="Summary">The title, e.g. 提醒谈话.</param>
/// <param name="Description">What the talk is about, in plain text.</param>
/// <param name="Location">Where it is held.</param>
/// <param name="Start">When it starts.</param>
/// <param name="End">When it ends; after <paramref name="Start"/>.</param>
/// <param name="OrganizerName">Who holds the talk.</param>
/// <param name="OrganizerAddress">The organizer's email address.</param>
/// <param name="AttendeeName">Who is invited.</param>
/// <param name="AttendeeAddress">The attendee's email address (the recipient of the mail).</param>
internal sealed record TalkInvitation(
    string Uid,
    int Sequence,
    string Summary,
    string? Description,
    string Location,
    DateTimeOffset Start,
    DateTimeOffset End,
    string OrganizerName,
    string OrganizerAddress,
    string AttendeeName,
    string AttendeeAddress);
