using FourDuty.Workflows.Notifications;
using FourDuty.Host.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FourDuty.Tests.Host.Mail;

public sealed class MailServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddFourDutyMail_UsesThePickupFolder_WhenNoSmtpHostIsConfigured()
    {
        await using var services = Build(new Dictionary<string, string?>());

        var transport = services.GetRequiredService<IMailTransport>().ShouldBeOfType<PickupFolderMailTransport>();

        transport.Folder.ShouldBe(Path.GetFullPath("data/mail"));
        var options = services.GetRequiredService<IOptions<MailOptions>>().Value;
        options.FromName.ShouldBe("四责协同");
    }

    [Fact]
    public async Task AddFourDutyMail_UsesSmtp_WhenSmtpHostIsConfigured()
    {
        await using var services = Build(new Dictionary<string, string?>
        {
            ["Mail:Smtp:Host"] = "smtp.example.edu.cn",
            ["Mail:Smtp:Port"] = "587",
            ["Mail:Smtp:Security"] = "StartTls",
            ["Mail:Smtp:User"] = "sizexietong",
            ["Mail:Smtp:Password"] = "secret",
            ["Mail:From"] = "sizexietong@example.edu.cn",
            ["Mail:FromName"] = "学院党委办公室",
        });

        services.GetRequiredService<IMailTransport>().ShouldBeOfType<SmtpMailTransport>();
        var options = services.GetRequiredService<IOptions<MailOptions>>().Value;
        options.Smtp.Security.ShouldBe(SmtpSecurity.StartTls);
        options.Smtp.Port.ShouldBe(587);
        options.FromName.ShouldBe("学院党委办公室");
    }

    [Fact]
    public async Task AddFourDutyMail_RefusesToStart_WhenSmtpHostHasNoSender()
    {
        await using var services = Build(new Dictionary<string, string?> { ["Mail:Smtp:Host"] = "smtp.example.edu.cn" });

        var error = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<MailOptions>>().Value);

        error.Message.ShouldContain("Mail:From is required when Mail:Smtp:Host is set");
    }

    [Fact]
    public async Task AddFourDutyMail_RefusesToStart_WhenSenderIsNotAnAddress()
    {
        await using var services = Build(new Dictionary<string, string?> { ["Mail:From"] = "四责协同" });

        Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<MailOptions>>().Value)
            .Message.ShouldContain("Given: '四责协同'");
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddFourDutyMail(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
