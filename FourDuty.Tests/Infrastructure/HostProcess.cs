using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;

namespace FourDuty.Tests.Infrastructure;

/// <summary>
/// The Host as a separate operating-system process on a loopback port, for what an in-process host cannot
/// show: several nodes on one database, and a node killed outright.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _folder;

    private HostProcess(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public int Port { get; }

    /// <summary>The process's working directory, a fresh temporary folder.</summary>
    public string WorkingDirectory => _folder;

    public Uri BaseAddress { get; }

    /// <summary>Everything the process wrote so far, for failure messages.</summary>
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

    public bool HasExited => _process.HasExited;

    /// <summary>The operating system's id of the process (a node names itself host:pid in the nodes table).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts the Host built next to the tests with the given settings (configuration keys).</summary>
    public static HostProcess Start(IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var folder = Directory.CreateTempSubdirectory("fourduty-node-").FullName;
        // Through env(1), which then becomes dotnet (same process id): a test run started in the background (nohup, `&`) inherits
        // an ignored SIGINT from its shell and would pass it on, and the node would then never see the Ctrl+C the tests send.
        var start = new ProcessStartInfo("env")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--default-signal=INT");
        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "FourDuty.Host.dll"));
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Security__Admin__Password"] = FourDutyHostFactory.AdminPassword;
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var node = new HostProcess(process, folder, port);
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>Waits until <c>/health</c> answers 200, or fails with the process's output.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Host on port {Port} exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Host on port {Port} was not healthy within {timeout}:\n{Output}");
    }

    /// <summary>
    /// A client signed in through the sign-in page as <paramref name="person"/>: the administrator signs in with
    /// <see cref="FourDutyHostFactory.AdminPassword"/> and, for anyone else, sets their password through the API first.
    /// </summary>
    public async Task<HttpClient> SignInAsync(string person)
    {
        var admin = Browser();
        await SignInForm.SignInAsync(admin, "admin", FourDutyHostFactory.AdminPassword);
        if (person == "admin")
        {
            return admin;
        }

        var password = PasswordOf(person);
        using (admin)
        {
            (await admin.PutAsJsonAsync($"/api/accounts/{person}/password", new { password })).EnsureSuccessStatusCode();
        }

        var client = Browser();
        await SignInForm.SignInAsync(client, person, password);
        return client;
    }

    /// <summary>The password <see cref="SignInAsync"/> gives a person.</summary>
    public static string PasswordOf(string person) => $"password-of-{person}";

    private HttpClient Browser() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does, and waits for the process to exit.</summary>
    /// <returns>The exit code.</returns>
    public async Task<int> InterruptAsync(TimeSpan timeout)
    {
        if (SendSignal(_process.Id, SignalInterrupt) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, SIGINT) failed");
        }

        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>Kills the process at once, as SIGKILL would: no shutdown code runs.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

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
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Leaves a temp folder behind at worst.
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

    private const int SignalInterrupt = 2;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
