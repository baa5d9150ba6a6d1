using CaseFlow.Engine.Api;
using CaseFlow.Engine.Audit;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Privacy;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Units;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Hotline;

/// <summary>
/// Hotline intake (维权热线): an operator logs a call in one request (answering it in the same request when the
/// answer was given on the phone) and routes it in one more; the caller's history comes while the number is typed.
/// </summary>
public static class HotlineApi
{
    public static RouteGroupBuilder MapHotline(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/hotline").WithTags("Hotline");
        group.MapPost("/calls", Log).RequireRoles(CallIntake.Roles).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/calls/{id}", Get);
        group.MapPost("/calls/{id}/answer", Answer).RequireRoles(CallIntake.Roles).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/calls/{id}/case", Route).RequireRoles(CallIntake.Roles).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/callers/{phone}/history", History);
        group.MapGet("/settings/{unitId}", Settings);
        group.MapGet("/collective-hint", CollectiveHint.GetAsync).RequireRoles(CallIntake.Roles).ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }

    private static Task<Results<Created<CallDto>, ProblemHttpResult>> Log(
        LogCallRequest? request, Actor actor, CaseFlowDb db, UnitTreeCache units, TimeProvider clock, CancellationToken ct) =>
        CallIntake.LogAsync(request, actor, db, units, clock, ct);

    private static async Task<Results<Ok<CallDto>, ProblemHttpResult>> Get(Guid id, CaseFlowDb db, CancellationToken ct)
    {
        var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        return call is null ? CallNotFound(id) : TypedResults.Ok(call.ToDto());
    }

    private static async Task<Results<Ok<CallDto>, ProblemHttpResult>> Answer(
        Guid id, AnswerCallRequest? request, Actor actor, CaseFlowDb db, UnitTreeCache units, TimeProvider clock, CancellationToken ct)
    {
        var answer = request?.Answer?.Trim();
        if (string.IsNullOrEmpty(answer)) return Problems.Invalid("field_required", "answer is required.", "answer");
        if (CallIntake.TooLong(answer, CallIntake.MaxText, "answer") is { } tooLong) return tooLong;
        if (request!.Version is not { } version) return Problems.Invalid("field_required", "version is required (the call's version).", "version");
        var call = await db.Calls.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (call is null) return CallNotFound(id);
        if (await CallIntake.RequireCallRightsAsync(actor, call.UnitId, db, units, ct) is { } refused) return refused;
        call.EnsureOpen();
        if (version != call.Version)
            return Problems.Create(StatusCodes.Status409Conflict, "concurrent_update", $"Call {id} is at version {call.Version}, not {version}: reload it.", "version");
        var before = CallIntake.Snapshot(call);
        call.AnswerWith(answer);
        call.Version++;
        db.Record(actor, "call.answered", "call", call.Id.ToString(), before, CallIntake.Snapshot(call), personId: call.PersonId, at: clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(call.ToDto());
    }

    /// <summary>201 with the new case; 200 when the call joined an open collective case.</summary>
    private static async Task<Results<Created<RoutedCallDto>, Ok<RoutedCallDto>>> Route(
        Guid id, RouteCallRequest? request, CallRouting routing, CancellationToken ct)
    {
        var routed = await routing.RouteAsync(id, request ?? new RouteCallRequest(null, null, null, null, null, null, null), ct);
        var dto = new RoutedCallDto(routed.Call.ToDto(), routed.Case);
        return routed.Case.Joined ? TypedResults.Ok(dto) : TypedResults.Created($"/api/cases/{routed.Case.Id}", dto);
    }

    private static async Task<Results<Ok<CallerHistoryDto>, ProblemHttpResult>> History(string phone, int? limit, CaseFlowDb db, CancellationToken ct)
    {
        if (!PhoneNumbers.TryNormalize(phone, out var normalized))
            return Problems.Invalid("phone_invalid", "The phone must be an 11-digit mobile number or a landline with its area code.", "phone");
        if (limit is < 1 or > CallerHistory.MaxLimit)
            return Problems.BadRequest("invalid_query", $"limit must be between 1 and {CallerHistory.MaxLimit}.", "limit");
        return TypedResults.Ok(await CallerHistory.ReadAsync(db, normalized, limit ?? CallerHistory.DefaultLimit, ct));
    }

    private static async Task<Results<Ok<HotlineSettingsDto>, ProblemHttpResult>> Settings(
        Guid unitId, Actor actor, CaseFlowDb db, UnitTreeCache units, Microsoft.Extensions.Options.IOptions<HotlineOptions> options, CancellationToken ct)
    {
        var unit = actor.CanSee(unitId) ? await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, ct) : null;
        if (unit is null) return UnitNotFound(unitId);
        return TypedResults.Ok(await SettingsOf(unit, units, options.Value, ct));
    }

    private static async Task<HotlineSettingsDto> SettingsOf(Unit unit, UnitTreeCache units, HotlineOptions options, CancellationToken ct)
    {
        var tree = await units.GetAsync(ct);
        // The unit's own row is fresher than the snapshot (a change on another node shows at once).
        var effective = unit.CollectiveThreshold ?? (unit.ParentId is { } parent ? tree.CollectiveThresholdOf(parent) : null) ?? options.CollectiveThreshold;
        return new HotlineSettingsDto(unit.Id, unit.CollectiveThreshold, effective, options.GroupingWindowDays, unit.Version);
    }

    private static ProblemHttpResult CallNotFound(Guid id) => Problems.NotFound("call_not_found", $"Call {id} does not exist.");

    private static ProblemHttpResult UnitNotFound(Guid id) => Problems.Create(StatusCodes.Status404NotFound, "unit_not_found", $"Unit {id} does not exist.", "unitId");
}
