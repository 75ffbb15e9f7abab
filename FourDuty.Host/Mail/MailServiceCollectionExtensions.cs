using Microsoft.Extensions.DependencyInjection.Extensions;
using FourDuty.Workflows.Notifications;
using Microsoft.Extensions.Options;

namespace FourDuty.Host.Mail;

/// <summary>Registers the mail building blocks from configuration section <c>Mail</c>.</summary>
internal static class MailServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="MailOptions"/> (validated at start), <see cref="MimeMessageFactory"/> and the one <see cref="IMailTransport"/>
    /// the domain's mails are handed to: <see cref="SmtpMailTransport"/> when
    /// <c>Mail:Smtp:Host</c> is set, else <see cref="PickupFolderMailTransport"/>. The transport is a singleton, so that the
    /// SMTP connection is shared by every send and closed when the service stops.
    /// </summary>
    public static IServiceCollection AddFourDutyMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MailOptions>, MailOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MimeMessageFactory>();
        services.TryAddSingleton<IMailTransport>(CreateTransport);
        return services;
    }

    private static IMailTransport CreateTransport(IServiceProvider services) =>
        services.GetRequiredService<IOptions<MailOptions>>().Value.UsesSmtp
            ? ActivatorUtilities.CreateInstance<SmtpMailTransport>(services)
            : ActivatorUtilities.CreateInstance<PickupFolderMailTransport>(services);
}
