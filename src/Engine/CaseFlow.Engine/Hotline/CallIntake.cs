using CaseFlow.Engine.Api;
using CaseFlow.Engine.Audit;
using CaseFlow.Engine.Employers;
using CaseFlow.Engine.People;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Privacy;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Units;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.Hotline;

/// <summary>
/// Logging a call: one request with what the operator typed. The caller becomes, or is matched to, a person
/// by phone where that is unambiguous; a named employer is matched by its exact name.
/// </summary>
internal static class CallIntake
{
    public const int MaxText = 4000;
    public const int MaxName = 50;
    public const int MaxEmployerName = 200;

    /// <summary>Who takes calls and turns them into cases, at the call's unit or above.</summary>
    public static readonly string[] Roles = [Security.Roles.Operator, Security.Roles.CaseWorker, Security.Roles.Supervisor, Security.Roles.Admin];

    public static async Task<Results<Created<CallDto>, ProblemHttpResult>> LogAsync(
        LogCallRequest? request, Actor actor, CaseFlowDb db, UnitTreeCache units, TimeProvider clock, CancellationToken ct)
    {
        if (request is null) return Problems.BadRequest("malformed_json", "The body must be a JSON object.");
        if (Check(request, out var phone, out var urgency) is { } invalid) return invalid;
        if ((request.UnitId ?? actor.UnitId) is not { } unitId)
            return Problems.Invalid("field_required", "unitId is required (you have no home unit).", "unitId");
        if (await RequireCallRightsAsync(actor, unitId, db, units, ct) is { } refused) return refused;

        var employerId = request.EmployerId;
        var employerName = request.EmployerName?.Trim() is { Length: > 0 } named ? named : null;
        if (employerId is { } id)
        {
            employerName = await db.Employers.AsNoTracking().Where(e => e.Id == id).Select(e => e.Name).SingleOrDefaultAsync(ct);
            if (employerName is null) return Problems.Create(StatusCodes.Status404NotFound, "employer_not_found", $"Employer {id} does not exist.", "employerId");
        }
        else if (employerName is not null)
        {
            employerId = await EmployerByNameAsync(db, employerName, ct);
        }

        // Whole microseconds, as PostgreSQL keeps them: the answer shows the time a later read gives back.
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
        var callerName = request.CallerName?.Trim() is { Length: > 0 } name ? name : null;
        var person = await MatchCallerAsync(db, phone, callerName, ct);
        if (person is null && callerName is not null && await CallerCountAsync(db, phone, ct) == 0)
            person = NewPerson(db, actor, unitId, callerName, phone, now);

        var call = new Call
        {
            Id = Guid.CreateVersion7(now), UnitId = unitId, CallerPhone = phone, CallerName = callerName ?? person?.Name,
            PersonId = person?.Id, Category = request.Category!, EmployerId = employerId, EmployerName = employerName,
            Description = request.Description!.Trim(), Urgency = urgency, Outcome = CallOutcome.Open,
            Operator = actor.Name, ReceivedAt = now, Version = 1,
        };
        if (request.Answer?.Trim() is { Length: > 0 } answer) call.AnswerWith(answer);
        db.Calls.Add(call);
        db.Record(actor, "call.logged", "call", call.Id.ToString(), after: Snapshot(call), personId: call.PersonId, at: now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/hotline/calls/{call.Id}", call.ToDto());
    }

    private static ProblemHttpResult? Check(LogCallRequest request, out string phone, out CallUrgency urgency)
    {
        urgency = CallUrgency.Normal;
        phone = "";
        if (string.IsNullOrWhiteSpace(request.CallerPhone))
            return Problems.Invalid("field_required", "callerPhone is required.", "callerPhone");
        if (!PhoneNumbers.TryNormalize(request.CallerPhone, out phone))
            return Problems.Invalid("phone_invalid", "callerPhone must be an 11-digit mobile number or a landline with its area code.", "callerPhone");
        if (string.IsNullOrWhiteSpace(request.Category))
            return Problems.Invalid("field_required", "category is required.", "category");
        if (!CallCategories.IsKnown(request.Category))
            return Problems.Invalid("invalid_field", $"category must be one of {string.Join(", ", CallCategories.All)}.", "category");
        if (string.IsNullOrWhiteSpace(request.Description))
            return Problems.Invalid("field_required", "description is required.", "description");
        var tooLong = TooLong(request.Description, MaxText, "description") ?? TooLong(request.CallerName, MaxName, "callerName")
            ?? TooLong(request.EmployerName, MaxEmployerName, "employerName") ?? TooLong(request.Answer, MaxText, "answer");
        if (tooLong is not null) return tooLong;
        if (request.Urgency is not null && !TryUrgency(request.Urgency, out urgency))
            return Problems.Invalid("invalid_field", "urgency must be Normal, Urgent or Emergency.", "urgency");
        return null;
    }

    public static ProblemHttpResult? TooLong(string? value, int max, string field) =>
        value is not null && value.Trim().Length > max
            ? Problems.Invalid("field_too_long", $"{field} has more than {max} characters.", field)
            : null;

    private static bool TryUrgency(string text, out CallUrgency urgency) =>
        Enum.TryParse(text, ignoreCase: true, out urgency) && Enum.IsDefined(urgency) && !text.Trim().All(char.IsAsciiDigit);

    /// <summary>The call's unit must be visible (404 otherwise) and the actor must take calls there (403).</summary>
    public static async Task<ProblemHttpResult?> RequireCallRightsAsync(Actor actor, Guid unitId, CaseFlowDb db, UnitTreeCache units, CancellationToken ct)
    {
        if (!actor.CanSee(unitId) || !await db.Units.AnyAsync(u => u.Id == unitId, ct))
            return Problems.Create(StatusCodes.Status404NotFound, "unit_not_found", $"Unit {unitId} does not exist.", "unitId");
        var tree = await units.GetAsync(ct);
        if (tree.Find(unitId) is null)
        {
            // Created on another node since this node's snapshot: read the tree again rather than refuse.
            units.Invalidate();
            tree = await units.GetAsync(ct);
        }
        return Roles.Any(role => actor.HasAt(role, unitId, tree))
            ? null
            : Problems.Create(StatusCodes.Status403Forbidden, "forbidden",
                $"Taking calls needs one of the roles {string.Join(", ", Roles)} at this unit or above.");
    }

    /// <summary>The one employer with exactly this name; none when there is no such employer or several.</summary>
    public static async Task<Guid?> EmployerByNameAsync(CaseFlowDb db, string name, CancellationToken ct)
    {
        var found = await db.Employers.AsNoTracking().Where(e => e.Name == name).OrderBy(e => e.Id).Select(e => e.Id).Take(2).ToListAsync(ct);
        return found.Count == 1 ? found[0] : null;
    }

    /// <summary>
    /// The person this phone belongs to, when that is unambiguous: exactly one visible person has the number,
    /// and the name the caller gave (if any) is theirs. A family sharing one phone stays unmatched.
    /// </summary>
    private static async Task<(Guid Id, string Name)?> MatchCallerAsync(CaseFlowDb db, string phone, string? name, CancellationToken ct)
    {
        var found = await db.People.AsNoTracking().Where(p => p.Phone == phone).OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).Take(2).ToListAsync(ct);
        if (found.Count != 1 || (name is not null && found[0].Name != name)) return null;
        return (found[0].Id, found[0].Name);
    }

    private static Task<int> CallerCountAsync(CaseFlowDb db, string phone, CancellationToken ct) =>
        db.People.Where(p => p.Phone == phone).OrderBy(p => p.Id).Take(2).CountAsync(ct);

    private static (Guid Id, string Name) NewPerson(CaseFlowDb db, Actor actor, Guid unitId, string name, string phone, DateTimeOffset now)
    {
        var person = new Person
        {
            Id = Guid.CreateVersion7(now), UnitId = unitId, Name = name, Phone = phone, CreatedAt = now, UpdatedAt = now, Version = 1,
        };
        db.People.Add(person);
        db.Record(actor, "person.created", "person", person.Id.ToString(),
            after: new { name = Mask.Name(name), phone = Mask.Phone(phone), unitId, source = "hotline" }, personId: person.Id, at: now);
        return (person.Id, person.Name);
    }

    /// <summary>What the audit log keeps of a call: the caller masked.</summary>
    public static object Snapshot(Call call) => new
    {
        callerPhone = Mask.Phone(call.CallerPhone), callerName = call.CallerName is null ? null : Mask.Name(call.CallerName),
        call.PersonId, call.UnitId, call.Category, call.EmployerId, call.EmployerName, urgency = call.Urgency.ToString(),
        outcome = call.Outcome.ToString(), call.CaseId, call.Version,
    };
}
