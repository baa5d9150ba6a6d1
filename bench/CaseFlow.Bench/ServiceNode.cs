using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CaseFlow.Bench;

/// <summary>The real service as a child process (the CaseFlow.Engine.dll built next to the bench), one node of a cluster.</summary>
internal sealed class ServiceNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    /// <summary>The first-run administrator's password of the bench's databases: the client signs in with it and issues itself a token.</summary>
    public const string AdminPassword = "bench-admin-password";

    public HttpClient Client { get; }

    private ServiceNode(Process process, Uri url, string folder)
    {
        _process = process;
        _folder = folder;
        Client = new HttpClient(new CaseFlow.Engine.Infrastructure.AdminTokenHandler(url, AdminPassword)) { BaseAddress = url, Timeout = TimeSpan.FromMinutes(2) };
    }

    public static async Task<ServiceNode> StartAsync(string provider, string connection)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var folder = Directory.CreateTempSubdirectory("caseflow-bench-node-").FullName;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CaseFlow.Engine.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Setup__AdminPassword"] = AdminPassword;
        start.Environment["Database__Provider"] = provider;
        start.Environment["ConnectionStrings__CaseFlow"] = connection;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__CaseFlow"] = "Information";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The service did not start.");
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            if (e.Data.Contains("CaseFlow is running at", StringComparison.Ordinal)) ready.TrySetResult();
            // Warnings and errors of the node belong in the bench's report: a failure there explains an outlier.
            else if (e.Data.StartsWith("warn:", StringComparison.Ordinal) || e.Data.StartsWith("fail:", StringComparison.Ordinal)
                || e.Data.StartsWith("      ", StringComparison.Ordinal)) Console.Error.WriteLine($"[node] {e.Data}");
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[node] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return new ServiceNode(process, url, folder);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
