using FourDuty.Tests.Host.Mail;
using FourDuty.Workflows.Notifications;
using Ical.Net;
using Microsoft.Extensions.Time.Testing;

namespace FourDuty.Tests.Workflows.Notifications;

public sealed class CalendarInvitationsTests
{
    private readonly CalendarInvitations invitations = new(new FakeTimeProvider(MailTestData.Now));

    [Fact]
    public void CreateRequest_BuildsRequestWithUidSequenceOrganizerAndRsvpAttendee_WhenTalkIsScheduled()
    {
        var part = invitations.CreateRequest(MailTestData.Talk(sequence: 0));

        part.Method.ShouldBe("REQUEST");
        var calendar = Ical.Net.Calendar.Load(part.Ics)!;
        calendar.Method.ShouldBe("REQUEST");
        var talk = calendar.Events.ShouldHaveSingleItem();
        talk.Uid.ShouldBe("talk-7f3a@fourduty");
        talk.Sequence.ShouldBe(0);
        talk.Summary.ShouldBe("提醒谈话");
        talk.Location.ShouldBe("行政楼302会议室");
        talk.Description.ShouldBe("就2026年度责任清单逾期未报进行提醒谈话。");
        talk.Status.ShouldBe("CONFIRMED");
        talk.DtStart!.AsUtc.ShouldBe(new DateTime(2026, 3, 10, 6, 30, 0, DateTimeKind.Utc));
        talk.DtEnd!.AsUtc.ShouldBe(new DateTime(2026, 3, 10, 7, 30, 0, DateTimeKind.Utc));
        talk.Organizer!.Value.ShouldBe(new Uri("mailto:wang.shuji@fourduty.test"));
        talk.Organizer.CommonName.ShouldBe("王书记");
        var attendee = talk.Attendees.ShouldHaveSingleItem();
        attendee.Value.ShouldBe(new Uri("mailto:zhang.san@fourduty.test"));
        attendee.CommonName.ShouldBe("张三");
        attendee.Rsvp.ShouldBeTrue();
        attendee.ParticipationStatus.ShouldBe("NEEDS-ACTION");
        part.Ics.ShouldContain("DTSTART:20260310T063000Z");
        part.Ics.ShouldContain("DTSTAMP:20260301T010000Z");
    }

    [Fact]
    public void CreateCancel_BuildsCancelledEventWithSameUidAndHigherSequence_WhenTalkIsCalledOff()
    {
        var request = Ical.Net.Calendar.Load(invitations.CreateRequest(MailTestData.Talk(sequence: 1)).Ics)!.Events.Single();

        var part = invitations.CreateCancel(MailTestData.Talk(sequence: 2));

        part.Method.ShouldBe("CANCEL");
        var calendar = Ical.Net.Calendar.Load(part.Ics)!;
        calendar.Method.ShouldBe("CANCEL");
        var cancelled = calendar.Events.ShouldHaveSingleItem();
        cancelled.Uid.ShouldBe(request.Uid);
        cancelled.Sequence.ShouldBeGreaterThan(request.Sequence);
        cancelled.Status.ShouldBe("CANCELLED");
        cancelled.Attendees.ShouldHaveSingleItem().Rsvp.ShouldBeFalse();
    }

    [Fact]
    public void CreateRequest_Throws_WhenTalkEndsBeforeItStarts()
    {
        var talk = MailTestData.Talk() with { End = MailTestData.Talk().Start.AddMinutes(-1) };

        Should.Throw<ArgumentException>(() => invitations.CreateRequest(talk)).Message.ShouldContain("must end after it starts");
    }

    [Fact]
    public void CreateRequest_Throws_WhenUidIsEmpty()
    {
        Should.Throw<ArgumentException>(() => invitations.CreateRequest(MailTestData.Talk() with { Uid = " " })).Message.ShouldContain("stable UID");
    }
}
