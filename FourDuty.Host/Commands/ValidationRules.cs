using FourDuty.Engine.Deployment;
using FourDuty.Host.Hosting;

namespace FourDuty.Host.Commands;

/// <summary>
/// The deployment rules the service adds to the engine's (the college's <c>ModelRules</c>: owners, people, <c>duty.*</c>
/// types, mail tasks, articles), taken from the Host's own registrations so that <c>validate</c> refuses exactly what a
/// deployment would. The services are built, never started: no web host, database, seeds or background jobs.
/// </summary>
internal sealed class ValidationRules : IAsyncDisposable
{
    private readonly WebApplication? _app;

    private ValidationRules(WebApplication? app, IReadOnlyList<IDeploymentRule> rules, string? problem)
    {
        _app = app;
        Rules = rules;
        Problem = problem;
    }

    /// <summary>The rules, in registration order; empty when they could not be built (see <see cref="Problem"/>).</summary>
    public IReadOnlyList<IDeploymentRule> Rules { get; }

    /// <summary>Why the service's rules could not be built (e.g. the organisation file has an error), or null.</summary>
    public string? Problem { get; }

    /// <summary>Builds the Host's services with its configuration and takes their deployment rules.</summary>
    public static ValidationRules Build()
    {
        WebApplication? app = null;
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.Logging.ClearProviders();
            builder.AddFourDutyServices();
            app = builder.Build();
            return new ValidationRules(app, app.Services.GetServices<IDeploymentRule>().ToList(), null);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or InvalidOperationException)
        {
            (app as IDisposable)?.Dispose();
            return new ValidationRules(null, [], exception.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
