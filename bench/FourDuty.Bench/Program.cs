using FourDuty.Bench;
using FourDuty.Bench.Scenarios;

IScenario[] scenarios = [new ParseScenario(), new MemoryScenario(), new ExpressionsScenario(), new DurableScenario(), new OversightScenario(),
    new DeadlinesScenario(), new MailScenario(), new InboxScenario()];

if (args is [var name, .. var rest] && scenarios.FirstOrDefault(s => s.Name == name) is { } scenario)
{
    try
    {
        return scenario.Run(BenchOptions.Parse(rest, scenario.Options, scenario.TextOptions), Console.Out);
    }
    catch (BenchUsageException exception)
    {
        Console.Error.WriteLine($"{scenario.Name}: {exception.Message}");
        Console.Error.WriteLine($"Usage: FourDuty.Bench {scenario.Name} {string.Join(' ', scenario.Options.Select(o => $"[--{o.Name} {o.Default}]").Concat(scenario.TextOptions.Select(o => $"[--{o.Name} TEXT]")))}");
        return 2;
    }
}

Console.Error.WriteLine("Usage: dotnet run -c Release --project bench/FourDuty.Bench -- SCENARIO [--option value ...]");
Console.Error.WriteLine("Scenarios:");
foreach (var known in scenarios)
{
    Console.Error.WriteLine($"  {known.Name}: {known.Description}");
    foreach (var option in known.Options)
    {
        Console.Error.WriteLine($"    {"--" + option.Name + " N",-20} {option.Description} (default {option.Default})");
    }

    foreach (var option in known.TextOptions)
    {
        Console.Error.WriteLine($"    {"--" + option.Name + " TEXT",-20} {option.Description}");
    }
}

return 2;
