using System.Security.Cryptography;
using System.Text;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Messages;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Scheduling;
using CaseFlow.Engine.Security;
using CaseFlow.Workflows.Bpmn;
using CaseFlow.Workflows.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CaseFlow.Engine.Definitions;

/// <summary>
/// Deploys every executable process of a file. Each process gets the next version unless its latest
/// version came from identical content, which is returned instead (no new version).
/// </summary>
internal static class DefinitionDeployment
{
    /// <param name="supersedeDraftsBy">Who deploys through the API: the deployment deletes the drafts of its processes
    /// (even when their content was deployed already), in the same transaction. Null for the shipped workflows at start-up,
    /// which leave supervisors' drafts alone.</param>
    public static async Task<Results<Created<DeploymentDto>, Ok<DeploymentDto>, ProblemHttpResult>> DeployAsync(
        string xml, CaseFlowDb db, DefinitionCache cache, TimerSchedule timers, StartTimerSettings startTimers, TimeProvider clock,
        CancellationToken ct, Actor? supersedeDraftsBy = null)
    {
        var parsed = BpmnParser.Parse(xml);
        var processes = parsed.Processes.Where(p => p.IsExecutable).ToList();
        if (!parsed.IsDeployable || processes.Count == 0) return Refuse(parsed, processes.Count);

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(xml)));
        var ids = processes.Select(p => p.Id).ToList();
        var latest = await db.Definitions.AsNoTracking()
            .Where(d => ids.Contains(d.ProcessId)
                && d.Version == db.Definitions.Where(o => o.ProcessId == d.ProcessId).Max(o => o.Version))
            .Select(d => new DefinitionDto(d.Id, d.ProcessId, d.Version, d.Name, d.ContentHash, d.DeployedAt))
            .ToDictionaryAsync(d => d.ProcessId, ct);

        var now = clock.GetUtcNow();
        var deployed = new List<DefinitionDto>(processes.Count);
        var added = new List<(Definition Row, ProcessDefinition Process)>();
        foreach (var process in processes)
        {
            var previous = latest.GetValueOrDefault(process.Id);
            if (previous is not null && previous.ContentHash == hash)
            {
                deployed.Add(previous);
                continue;
            }
            var row = new Definition
            {
                Id = Guid.CreateVersion7(now), ProcessId = process.Id, Version = (previous?.Version ?? 0) + 1,
                Name = process.Name, Xml = xml, ContentHash = hash, DeployedAt = now,
            };
            db.Definitions.Add(row);
            MessageCorrelation.RegisterStartEvents(db, row.Id, process);
            added.Add((row, process));
            deployed.Add(row.ToDto());
        }

        if (supersedeDraftsBy is not null) await DefinitionDraftsApi.RemoveDeployedAsync(db, supersedeDraftsBy, ids, now, ct);
        // A concurrent deployment of the same process takes the same version number: the unique
        // index refuses the second one (409 concurrent_update).
        if (added.Count > 0) await SaveAsync(db, timers, startTimers, added, now, ct);
        else if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);
        foreach (var (row, process) in added) cache.Add(row.Id, process);

        var warnings = parsed.Problems.Select(p => p.ToDto()).ToList();
        var first = deployed[0];
        var dto = new DeploymentDto(first.Id, first.ProcessId, first.Version, first.Name, first.ContentHash, first.DeployedAt,
            added.Count > 0, deployed, warnings);
        return added.Count > 0
            ? TypedResults.Created($"/api/definitions/{first.ProcessId}/versions/{first.Version}", dto)
            : TypedResults.Ok(dto);
    }

    /// <summary>
    /// The new versions and their timer start schedules in one transaction: the latest version's schedule
    /// replaces the one before it, so an edited start timer never fires twice.
    /// </summary>
    private static async Task SaveAsync(CaseFlowDb db, TimerSchedule timers, StartTimerSettings startTimers,
        List<(Definition Row, ProcessDefinition Process)> added, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var (row, process) in added)
        {
            timers.ClearGroup(StartTimerJob.GroupOf(process.Id));
            foreach (var (job, trigger) in StartTimerJob.ForDeployment(row.Id, process, now, startTimers.Calendar, startTimers.TimeZone))
                timers.ScheduleJob(job, trigger);
        }
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.SaveChangesAsync(ct);
        await timers.ApplyAsync(db.Database.CurrentTransaction!.GetDbTransaction(), ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
    }

    private static ProblemHttpResult Refuse(BpmnParseResult parsed, int executable)
    {
        var problems = parsed.Problems.Select(p => p.ToDto()).ToList();
        if (parsed.IsDeployable && executable == 0)
            problems.Add(new BpmnProblemDto("no_executable_process", null, null, "The file has no process marked isExecutable=\"true\".", "error"));
        var errors = problems.Count(p => p.Severity == "error");
        return Problems.Create(StatusCodes.Status422UnprocessableEntity, "invalid_bpmn",
            $"The BPMN file cannot be deployed: {errors} error(s).", more: [new("problems", problems)]);
    }
}
