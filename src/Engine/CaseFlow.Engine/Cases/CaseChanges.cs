using System.Globalization;
using System.Text.Json;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Audit;
using CaseFlow.Engine.Instances;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Tasks;
using CaseFlow.Engine.Units;
using CaseFlow.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Cases;

/// <summary>
/// <c>PATCH /api/cases/{id}</c>: status, priority, title, description, amounts, deadline and tags, against
/// the version the caller read (<c>If-Match</c> or <c>version</c>). Each change is a timeline event and an
/// audit row with the case before and after, committed with the change.
/// </summary>
internal static class CaseChanges
{
    public static async Task<Results<Ok<CaseDto>, ProblemHttpResult>> Change(
        Guid id, JsonElement body, HttpContext http, Actor actor, CaseFlowDb db, UnitTreeCache units, InstanceCommands commands,
        TimeProvider clock, CancellationToken ct)
    {
        var patch = CasePatch.Read(body);
        if (!TryIfMatch(http, out var ifMatch)) return Problems.BadRequest("invalid_if_match", "If-Match must be the case's ETag, e.g. \"3\".", "If-Match");
        if ((ifMatch ?? patch.Version) is not { } expected)
            return Problems.Invalid("field_required", "Send the version you read (If-Match or version) so a newer change is not overwritten.", "version");
        var @case = await db.Cases.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null) return CasesApi.NotFound(id);
        if (@case.Version != expected)
            return Problems.Conflict("concurrent_update", $"The case is at version {@case.Version}, not {expected}: reload it and try again.");

        // Money is approved and paid by those holding the role for this case's unit, not anywhere in the county.
        var tree = await units.GetAsync(ct);
        bool HoldsAny(params string[] roles) => roles.Any(role => actor.HasAt(role, @case.UnitId, tree));
        if (patch.AmountApproved.Present && !HoldsAny(Roles.Approver, Roles.Supervisor, Roles.Admin))
            return Problems.Create(StatusCodes.Status403Forbidden, "forbidden", "Approving an amount needs the approver role at the case's unit.", "amountApproved");
        if (patch.AmountPaid.Present && !HoldsAny(Roles.Finance, Roles.Admin))
            return Problems.Create(StatusCodes.Status403Forbidden, "forbidden", "Recording a payment needs the finance role at the case's unit.", "amountPaid");

        var now = clock.GetUtcNow();
        var before = CaseSnapshot.Of(@case);
        var (statusLine, changes) = Apply(@case, patch, now);
        if (statusLine is null && changes.Count == 0) return await OkAsync(db, id, http, ct);

        // 办结消号: a case is struck off as closed only when its work is done, so a running workflow refuses the close.
        // Cancelling instead stops the work: the case's running instances are cancelled in the same transaction.
        var running = statusLine is null || @case.Status is not (CaseStatus.Closed or CaseStatus.Cancelled)
            ? []
            : await db.Instances.Where(i => i.CaseId == id && i.Status == InstanceStatus.Active && i.ParentInstanceId == null).ToListAsync(ct);
        if (@case.Status == CaseStatus.Closed && running.Count > 0)
        {
            var open = await db.UserTasks.AsNoTracking().Where(t => t.CaseId == id && t.State == UserTaskState.Created)
                .OrderBy(t => t.CreatedAt).Select(t => new { t.Id, t.Name, t.ElementId }).ToListAsync(ct);
            var named = open.Count == 0
                ? $"its workflow is still running ({string.Join(", ", running.Select(i => i.ProcessId))})"
                : "open tasks: " + string.Join(", ", open.Select(t => $"{t.Name ?? t.ElementId} ({t.Id})"));
            return Problems.Create(StatusCodes.Status409Conflict, "case_has_open_work",
                $"The case cannot be closed while work is open ({named}): finish the work, or cancel the case.", "status");
        }
        var reason = CaseRules.Description(patch.Reason, "reason");
        foreach (var instance in running)
            await commands.ExecuteAsync(instance, new CancelInstance(actor.Name, reason ?? $"Case {@case.Number} cancelled"), ct);

        @case.Version++;
        @case.UpdatedAt = now;
        if (statusLine is not null) db.CaseEvents.Add(new CaseEvent { CaseId = id, At = now, Kind = "status_changed", UserName = actor.Name, Detail = statusLine });
        if (changes.Count > 0) db.CaseEvents.Add(new CaseEvent { CaseId = id, At = now, Kind = "updated", UserName = actor.Name, Detail = string.Join("; ", changes) });
        db.Record(actor, statusLine is null ? "case.updated" : "case.status_changed", "case", id.ToString(), before, CaseSnapshot.Of(@case), caseId: id, at: now);
        // The version is the concurrency token: a writer that got in between makes this a 409, not a lost update.
        // One transaction for the case and, when it was cancelled, its instances, their history, jobs and timers.
        await commands.SaveAsync(ct);
        return await OkAsync(db, id, http, ct);
    }

    private static async Task<Results<Ok<CaseDto>, ProblemHttpResult>> OkAsync(CaseFlowDb db, Guid id, HttpContext http, CancellationToken ct)
    {
        var dto = (await CaseReads.LoadAsync(db, id, ct))!;
        http.Response.Headers.ETag = CasesApi.ETag(dto.Version);
        return TypedResults.Ok(dto);
    }

    private static (string? StatusLine, List<string> Changes) Apply(Case c, CasePatch patch, DateTimeOffset now)
    {
        var wasDone = c.IsDone;
        string? statusLine = null;
        if (patch.Status.Present)
        {
            if (!CasesApi.TryParse<CaseStatus>(patch.Status.Value, "status", required: true, out var status, out _))
                throw CaseRules.Invalid("invalid_status", $"status must be one of {string.Join(", ", Enum.GetNames<CaseStatus>())}.", "status");
            var reason = CaseRules.Description(patch.Reason, "reason");
            if (status != c.Status)
            {
                var from = c.Status;
                c.MoveTo(status, now);
                statusLine = $"{from} → {status}" + (reason is null ? "" : $": {reason}");
            }
        }

        var changes = new List<string>();
        void Note<T>(string field, T before, T after)
        {
            if (!EqualityComparer<T>.Default.Equals(before, after)) changes.Add($"{field}: {Show(before)} → {Show(after)}");
        }
        if (patch.Priority.Present)
        {
            if (!CasesApi.TryParse<CasePriority>(patch.Priority.Value, "priority", required: true, out var priority, out _))
                throw CaseRules.Invalid("invalid_priority", $"priority must be one of {string.Join(", ", Enum.GetNames<CasePriority>())}.", "priority");
            Note("priority", c.Priority, priority);
            c.Priority = priority;
        }
        if (patch.Title.Present)
        {
            var title = CaseRules.Title(patch.Title.Value);
            Note("title", c.Title, title);
            c.Title = title;
        }
        if (patch.Description.Present)
        {
            var description = CaseRules.Description(patch.Description.Value);
            if (description != c.Description) changes.Add("description changed");
            c.Description = description;
        }
        var claimed = patch.AmountClaimed.Present ? CaseRules.Amount(patch.AmountClaimed.Value, "amountClaimed") : c.AmountClaimed;
        var approved = patch.AmountApproved.Present ? CaseRules.Amount(patch.AmountApproved.Value, "amountApproved") : c.AmountApproved;
        var paid = patch.AmountPaid.Present ? CaseRules.Amount(patch.AmountPaid.Value, "amountPaid") : c.AmountPaid;
        CaseRules.Payments(approved, paid);
        Note("amountClaimed", c.AmountClaimed, claimed);
        Note("amountApproved", c.AmountApproved, approved);
        Note("amountPaid", c.AmountPaid, paid);
        (c.AmountClaimed, c.AmountApproved, c.AmountPaid) = (claimed, approved, paid);
        if (patch.DueAt.Present)
        {
            Note("dueAt", c.DueAt, patch.DueAt.Value);
            c.DueAt = patch.DueAt.Value;
        }
        if (patch.Tags.Present)
        {
            var tags = CaseRules.Tags(patch.Tags.Value);
            Note("tags", c.Tags, tags);
            c.Tags = tags;
        }
        // A finished case is struck off: it changes only by being reopened first (or in the same request).
        if (changes.Count > 0 && wasDone && c.IsDone)
            throw new ApiProblemException(StatusCodes.Status409Conflict, "case_status_conflict",
                $"A {c.Status} case cannot be changed; reopen it first.", "status");
        return (statusLine, changes);
    }

    private static string Show<T>(T value) => value switch
    {
        null => "–",
        "" => "–",
        decimal d => d.ToString("0.00", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "–",
    };

    /// <summary>The version in <c>If-Match</c> (<c>"3"</c> or <c>W/"3"</c>), if sent.</summary>
    private static bool TryIfMatch(HttpContext http, out int? version)
    {
        version = null;
        var header = http.Request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0) return true;
        if (header.StartsWith("W/", StringComparison.Ordinal)) header = header[2..];
        if (int.TryParse(header.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            version = parsed;
            return true;
        }
        return false;
    }
}
