using FourDuty.Engine;
using FourDuty.Engine.Deployment;
using FourDuty.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FourDuty.Tests.Host.Mail;

/// <summary>
/// The one set-up for tests of what the service mails: the test SMTP server, a Host on the simulated clock that mails it,
/// and the models the test deploys there.
/// </summary>
internal sealed class MailingHost : IAsyncDisposable
{
    private MailingHost(TestSmtpServer smtp, FourDutyHostFactory host)
    {
        Smtp = smtp;
        Host = host;
        Engine = host.Services.GetRequiredService<ProcessEngine>();
    }

    public TestSmtpServer Smtp { get; }

    public FourDutyHostFactory Host { get; }

    public ProcessEngine Engine { get; }

    /// <summary>Starts the SMTP server and the Host, and deploys <paramref name="models"/>.</summary>
    public static async Task<MailingHost> StartAsync(params DeploymentResource[] models)
    {
        var smtp = await TestSmtpServer.StartAsync();
        var mailing = new MailingHost(smtp, new FourDutyHostFactory(settings: smtp.MailSettingsOnSimulatedClock()));
        var deployed = await mailing.Engine.DeployAsync(models);
        deployed.Succeeded.ShouldBeTrue(string.Join("\n", deployed.Problems));
        return mailing;
    }

    /// <summary>Stops the Host first (it may still be sending), then the SMTP server, which answers whatever it held.</summary>
    public async ValueTask DisposeAsync()
    {
        Smtp.Answer();
        await Host.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
