using FourDuty.Engine;
using FourDuty.Engine.Deployment;
using FourDuty.Engine.Runtime.State;
using FourDuty.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FourDuty.Tests.Host.Mail;

/// <summary>
/// A mail server that stops answering holds up the mail, not the work: while a task mail hangs in DATA, people complete
/// tasks, timers fire on the simulated clock and new tasks are made; the mail goes out once the server answers again,
/// each message once.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class SlowSmtpServerTests : IAsyncLifetime
{
    private const string Model = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="slow-mail" name="整改跟踪" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="first"/>
            <userTask id="first" name="提交整改方案" camunda:assignee="zhou.office"/>
            <sequenceFlow id="f2" sourceRef="first" targetRef="wait"/>
            <intermediateCatchEvent id="wait"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <sequenceFlow id="f3" sourceRef="wait" targetRef="second"/>
            <userTask id="second" name="报送整改进展" camunda:assignee="zhou.office"/>
          </process>
        </definitions>
        """;

    // Far below the SMTP command timeout (a minute): a step or a clock move that waited for the held mail would show here.
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(20);

    private MailingHost _mailing = null!;

    private TestSmtpServer _smtp => _mailing.Smtp;

    private FourDutyHostFactory _host => _mailing.Host;

    private ProcessEngine _engine => _mailing.Engine;

    public async Task InitializeAsync() => _mailing = await MailingHost.StartAsync(new DeploymentResource("slow-mail.bpmn", Model));

    public Task DisposeAsync() => _mailing.DisposeAsync().AsTask();

    [Fact]
    public async Task ServerThatStopsAnswering_HoldsUpNoStepNorTimer_AndEachMailArrivesOnceWhenItAnswers()
    {
        _smtp.Hold();
        var instance = await _engine.StartAsync("slow-mail", "示范学院/整改-7");
        await _smtp.HoldingAsync();

        var first = (await _engine.Queries.ListTasksAsync(new(InstanceId: instance))).ShouldHaveSingleItem();
        await _engine.CompleteTaskAsync(first.Id, userId: "zhou.office").WaitAsync(Prompt);
        await _engine.AdvanceClockAsync(TimeSpan.FromHours(2)).WaitAsync(Prompt);

        var second = (await _engine.Queries.ListTasksAsync(new(InstanceId: instance))).ShouldHaveSingleItem();
        second.ElementId.ShouldBe("second");
        _smtp.Received.ShouldBeEmpty();
        (await _engine.Queries.ListOutboxAsync(10)).ShouldAllBe(row => row.Status == OutboxStatus.Pending);

        _smtp.Answer();
        var arrived = new[] { await _smtp.NextAsync(), await _smtp.NextAsync() };
        await _host.WaitForOutboxAsync(row => row.TaskId == second.Id && row.Status == OutboxStatus.Sent);
        await _host.WaitForOutboxAsync(row => row.TaskId == first.Id && row.Status == OutboxStatus.Sent);
        arrived.ShouldContain(mail => mail.Message.Subject!.Contains("提交整改方案"));
        arrived.ShouldContain(mail => mail.Message.Subject!.Contains("报送整改进展"));
        arrived.Select(mail => mail.Message.MessageId).Distinct().Count().ShouldBe(2);
        _smtp.Received.Count.ShouldBe(2);
    }
}
