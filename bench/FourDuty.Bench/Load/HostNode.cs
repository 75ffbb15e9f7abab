using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FourDuty.Bench.Load;

/// <summary>
/// One FourDuty.Host as an operating-system process on a loopback port (the Release build next to the bench), as a node
/// of a cluster runs: its own configuration, its output kept, and a way to kill it outright (SIGKILL).
/// </summary>
internal sealed class HostNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostNode(Process process, int port, string folder)
    {
        _process = process;
        Port = port;
        Folder = folder;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public int Port { get; }

    public string Folder { get; }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The Host's program: <c>FourDuty.Host/bin/Release/net10.0/FourDuty.Host.dll</c> under the repository.</summary>
    public static string FindProgram()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "FourDuty.Host", "bin", "Release", "net10.0", "FourDuty.Host.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("FourDuty.Host is not built in Release: run `dotnet build -c Release FourDuty.Host` first (the bench scripts do).");
    }

    public static HostNode Start(string program, IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var folder = Directory.CreateTempSubdirectory("fourduty-bench-node-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(program);
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Security__Admin__Password"] = "Bench-Admin-Password-2026!";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var node = new HostNode(process, port, folder);
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The node exited with {_process.ExitCode}:\n{Tail()}");
            }

            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The node was not healthy within {timeout}:\n{Tail()}");
    }

    /// <summary>SIGKILL: no shutdown, no goodbye to the database.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    /// <summary>CPU time the node has used so far (user and system), from /proc; zero where it cannot be read.</summary>
    public TimeSpan Cpu()
    {
        try
        {
            return _process.HasExited ? TimeSpan.Zero : _process.TotalProcessorTime;
        }
        catch (InvalidOperationException)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>The node's resident memory (RSS) in megabytes, read fresh; zero once it has exited.</summary>
    public double ResidentMegabytes()
    {
        if (_process.HasExited)
        {
            return 0;
        }

        _process.Refresh();
        return _process.WorkingSet64 / 1048576.0;
    }

    public string Tail(int lines = 40) => string.Join('\n', Output.Split('\n').TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
