using FourDuty.Host.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddFourDutyServices();

var app = builder.Build();
app.MapFourDutyEndpoints();
app.Run();

/// <summary>The entry point; public so that tests can start the Host in-process.</summary>
public partial class Program;
