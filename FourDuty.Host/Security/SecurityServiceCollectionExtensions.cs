using Microsoft.AspNetCore.Authentication;

namespace FourDuty.Host.Security;

internal static class SecurityServiceCollectionExtensions
{
    public static IServiceCollection AddFourDutySecurity(this IServiceCollection services)
    {
        services.AddSingleton<OperatorAccount>();
        services.AddAuthentication(OperatorAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, OperatorAuthentication>(OperatorAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(OperatorAuthentication.Policy, policy => policy.RequireAuthenticatedUser().RequireRole(OperatorAuthentication.Role));
        return services;
    }
}
