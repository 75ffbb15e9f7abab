using System.Runtime;
using System.Runtime.InteropServices;

namespace FourDuty.Bench;

/// <summary>What a reader needs to compare a recorded run with one on another machine.</summary>
internal static class MachineFacts
{
    public static string Machine =>
        $"{Environment.ProcessorCount} logical cores{Cpu()}, {RuntimeInformation.OSDescription}, {RuntimeInformation.OSArchitecture}";

    public static string Runtime =>
        $"{RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, {Configuration} build";

    /// <summary>The one-minute load average where the system tells it: above the core count, other work competed for the CPU.</summary>
    public static string Load =>
        File.Exists("/proc/loadavg") ? $"{File.ReadAllText("/proc/loadavg").Split(' ')[0]} (1-minute average) on {Environment.ProcessorCount} cores" : "unknown";

    /// <summary>Debug builds of the engine run several times slower; figures from them mean nothing.</summary>
    public static bool IsDebugBuild => Configuration == "Debug";

    private static string Configuration =>
        typeof(FourDuty.Engine.Bpmn.BpmnParser).Assembly
            .GetCustomAttributes(typeof(System.Diagnostics.DebuggableAttribute), false)
            .OfType<System.Diagnostics.DebuggableAttribute>()
            .Any(d => d.IsJITOptimizerDisabled) ? "Debug" : "Release";

    private static string Cpu()
    {
        const string cpuInfo = "/proc/cpuinfo";
        var model = File.Exists(cpuInfo)
            ? File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return model is null ? "" : $" ({model})";
    }
}
