using System.Text;
using System.Text.Json;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Decisions;
using CaseFlow.Engine.Forms;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Scheduling;
using CaseFlow.Workflows.Bpmn;
using CaseFlow.Workflows.Dmn;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Definitions;

/// <param name="Folder">Where the shipped <c>*.form</c>, <c>*.dmn</c> and <c>*.bpmn</c> files are (searched with sub-folders).</param>
/// <param name="DeployOnStart">Whether start-up deploys them (<c>Workflows:DeployOnStart</c>, true unless set).</param>
internal sealed record WorkflowSettings(string Folder, bool DeployOnStart);

public static class ShippedWorkflowsSetup
{
    /// <summary>Deploys the shipped workflows at start-up, after Quartz has started (registered after <c>AddScheduling</c>).</summary>
    public static IServiceCollection AddShippedWorkflows(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            var environment = sp.GetRequiredService<IHostEnvironment>();
            return new WorkflowSettings(ResolveFolder(configuration["Workflows:Folder"], environment.ContentRootPath),
                configuration.GetValue("Workflows:DeployOnStart", true));
        });
        services.AddHostedService<ShippedWorkflows>();
        return services;
    }

    /// <summary>
    /// The configured folder; else, run from source, the repository's <c>workflows</c> (as for the calendars);
    /// else the <c>workflows</c> folder the build copies next to the app.
    /// </summary>
    internal static string ResolveFolder(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured, contentRoot);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var source = Path.Combine(dir.FullName, "workflows");
            if (File.Exists(Path.Combine(dir.FullName, "CaseFlow.sln")) && Directory.Exists(source)) return source;
        }
        return Path.Combine(AppContext.BaseDirectory, "workflows");
    }
}

/// <summary>
/// Deploys each shipped form, decision and process whose id has no version yet: a fresh database gets the
/// workflows CaseFlow ships, and a version a supervisor deployed since is never replaced by a restart.
/// Forms first, then decisions, then processes (a process finds what it names). A broken file is logged with
/// its problems and skipped; two nodes starting at once both try, and the database's unique version index
/// lets one win.
/// </summary>
internal sealed class ShippedWorkflows(IServiceScopeFactory scopes, WorkflowSettings settings, ILogger<ShippedWorkflows> logger)
    : IHostedService
{
    private enum Kind { Form, Decision, Process }

    public async Task StartAsync(CancellationToken ct)
    {
        if (!settings.DeployOnStart) return;
        if (!Directory.Exists(settings.Folder))
        {
            logger.LogWarning("No shipped workflows: the folder {Folder} does not exist", settings.Folder);
            return;
        }
        foreach (var (path, kind) in Files(settings.Folder)) await DeployFileAsync(path, kind, ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    private static IEnumerable<(string Path, Kind Kind)> Files(string folder)
    {
        var files = new List<(string, Kind)>();
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            Kind? kind = Path.GetExtension(path).ToLowerInvariant() switch
            {
                ".form" => Kind.Form,
                ".dmn" => Kind.Decision,
                ".bpmn" => Kind.Process,
                _ => null,
            };
            if (kind is { } k) files.Add((path, k));
        }
        return files.OrderBy(f => f.Item2).ThenBy(f => f.Item1, StringComparer.Ordinal);
    }

    private async Task DeployFileAsync(string path, Kind kind, CancellationToken ct)
    {
        var name = Path.GetRelativePath(settings.Folder, path);
        try
        {
            var text = await File.ReadAllTextAsync(path, Encoding.UTF8, ct);
            // A scope per file: a file refused by the database leaves nothing tracked for the next one.
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<CaseFlowDb>();
            var clock = services.GetRequiredService<TimeProvider>();
            if (await AlreadyDeployedAsync(db, kind, text, ct) is { } existing)
            {
                logger.LogDebug("Shipped {File}: {Id} is already deployed", name, existing);
                return;
            }
            IResult result = kind switch
            {
                Kind.Form => (await FormDeployment.DeployAsync(text, db, clock, ct)).Result,
                Kind.Decision => (await DecisionDeployment.DeployAsync(text, db, services.GetRequiredService<DecisionCache>(), clock, ct)).Result,
                _ => (await DefinitionDeployment.DeployAsync(text, db, services.GetRequiredService<DefinitionCache>(),
                    services.GetRequiredService<TimerSchedule>(), services.GetRequiredService<StartTimerSettings>(), clock, ct)).Result,
            };
            Report(name, result);
        }
        catch (DbUpdateException e) when (ApiExceptionHandler.IsUniqueViolation(e.InnerException))
        {
            logger.LogInformation("Shipped {File} was deployed by another node starting at the same time", name);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            logger.LogError("Shipped {File} was not deployed: {Reason}", name, e.Message);
        }
    }

    /// <summary>The id that already has a version, or null when the file's id is new (or unreadable: deploying then reports why).</summary>
    private static async Task<string?> AlreadyDeployedAsync(CaseFlowDb db, Kind kind, string text, CancellationToken ct)
    {
        switch (kind)
        {
            case Kind.Form:
                var formId = FormDeployment.IdOf(text);
                return formId is not null && await db.Forms.AnyAsync(f => f.FormId == formId, ct) ? formId : null;
            case Kind.Decision:
                var key = DmnParser.Parse(text).DecisionRequirementsGraph?.Id;
                return key is not null && await db.DecisionDefinitions.AnyAsync(d => d.Key == key, ct) ? key : null;
            default:
                // One process of the file deployed since is enough to leave the whole file alone: deploying it
                // again would put the shipped text over that process's newer version.
                var ids = BpmnParser.Parse(text).Processes.Where(p => p.IsExecutable).Select(p => p.Id).ToList();
                return await db.Definitions.Where(d => ids.Contains(d.ProcessId)).Select(d => d.ProcessId).FirstOrDefaultAsync(ct);
        }
    }

    private void Report(string name, IResult result)
    {
        switch (result)
        {
            case ProblemHttpResult problem:
                var problems = problem.ProblemDetails.Extensions.TryGetValue("problems", out var list) ? JsonSerializer.Serialize(list) : "";
                logger.LogError("Shipped {File} was not deployed: {Detail} {Problems}", name, problem.ProblemDetails.Detail, problems);
                break;
            case Created<FormDeploymentDto> { Value: { } form }:
                logger.LogInformation("Deployed shipped {File}: form {Id} version {Version}", name, form.FormId, form.Version);
                break;
            case Created<DecisionDeploymentDto> { Value: { } decisions }:
                logger.LogInformation("Deployed shipped {File}: decisions {Id} version {Version}", name, decisions.Key, decisions.Version);
                break;
            case Created<DeploymentDto> { Value: { } processes }:
                foreach (var process in processes.Processes)
                    logger.LogInformation("Deployed shipped {File}: process {Id} version {Version}", name, process.ProcessId, process.Version);
                break;
        }
    }
}
