using FourDuty.Host.Commands;
using FourDuty.Host.Hosting;

if (args is ["validate", .. var files])
{
    await using var rules = files.Length == 0 ? null : ValidationRules.Build();
    return ValidateCommand.Run(files, Console.Out, rules);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddFourDutyServices();

var app = builder.Build();
app.MapFourDutyEndpoints();
app.Run();
return 0;

/// <summary>The entry point; public so that tests can start the Host in-process.</summary>
public partial class Program;
