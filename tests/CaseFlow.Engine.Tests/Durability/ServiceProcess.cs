using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Durability;

/// <summary>
/// The real service as a child process (the build output next to this assembly), on a test database.
/// <see cref="Kill"/> is SIGKILL on Linux: no shutdown code runs.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _workingDirectory;

    public Uri Url { get; }
    public string WorkingDirectory => _workingDirectory;
    public ConcurrentQueue<string> Output { get; } = new();

    private ServiceProcess(Process process, Uri url, string workingDirectory)
    {
        _process = process;
        Url = url;
        _workingDirectory = workingDirectory;
    }

    public static Task<ServiceProcess> StartAsync(TestDatabase database) =>
        StartAsync(new Dictionary<string, string>
        {
            ["Database__Provider"] = database.Provider,
            ["ConnectionStrings__CaseFlow"] = database.ConnectionString,
            ["Workflows__DeployOnStart"] = "false",
        });

    /// <param name="environment">Settings for the process; nothing else of the test's configuration leaks in.</param>
    public static async Task<ServiceProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var workingDirectory = Directory.CreateTempSubdirectory("caseflow-service-").FullName;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CaseFlow.Engine.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url.ToString().TrimEnd('/'));
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Setup__AdminPassword"] = AdminPassword;
        foreach (var (name, value) in environment) start.Environment[name] = value;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__CaseFlow"] = "Information";

        var process = Process.Start(start) ?? throw new InvalidOperationException("The service did not start.");
        var service = new ServiceProcess(process, url, workingDirectory);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            service.Output.Enqueue(e.Data);
            if (e.Data.Contains("CaseFlow is running at", StringComparison.Ordinal)) ready.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) service.Output.Enqueue(e.Data); };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("The service exited while starting."));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // Generous: on a loaded 2-core CI machine a cold start (JIT, EF model, Quartz) takes tens of seconds.
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(120));
        }
        catch (Exception e)
        {
            service.Dispose();
            throw new InvalidOperationException("The service did not start:\n" + string.Join("\n", service.Output), e);
        }
        return service;
    }

    /// <summary>The first-run administrator's password, unless the test's environment sets <c>Setup__AdminPassword</c> itself.</summary>
    public const string AdminPassword = "service-admin-password";

    /// <summary>A client signed with an administrator's API token (issued on first use).</summary>
    public HttpClient CreateClient() => new(new CaseFlow.Engine.Infrastructure.AdminTokenHandler(Url, AdminPassword))
    {
        BaseAddress = Url,
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>A client with no credentials.</summary>
    public HttpClient CreateAnonymousClient() => new() { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(60) };

    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
        Directory.Delete(_workingDirectory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
