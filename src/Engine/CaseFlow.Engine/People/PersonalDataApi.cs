using CaseFlow.Engine.Api;
using CaseFlow.Engine.Audit;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Privacy;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Units;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using F = CaseFlow.Engine.People.PersonalDataAccess;

namespace CaseFlow.Engine.People;

/// <summary>
/// <c>GET /api/people/{id}/personal-data[?fields=residentId,bankAccount]</c>: a person's personal data in full,
/// field by field as the actor's roles allow (<see cref="PersonalDataAccess"/>). Every answer writes an audit
/// row <c>person.viewed_unmasked</c> naming the fields shown, in the same transaction: no row, no data.
/// Asking for only the fields a task needs keeps the view, and the log, to what was needed.
/// </summary>
internal static class PersonalDataApi
{
    public static async Task<Results<Ok<PersonalDataDto>, ProblemHttpResult>> GetAsync(
        Guid id, string? fields, Actor actor, CaseFlowDb db, PersonalData personalData, UnitTreeCache units,
        TimeProvider clock, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return PeopleApi.NotFound(id);
        if (ReadFields(fields, out var requested) is { } badQuery) return badQuery;

        var tree = await UnitWrites.TreeWithAsync(person.UnitId, units, ct);
        var onFile = F.Fields.Where(f => IsOnFile(person, f)).ToList();
        if (requested is not null && requested.FirstOrDefault(f => !F.MaySee(actor, f, person.UnitId, tree)) is { } refused)
            return Forbidden($"Your roles do not open {refused} in full.", refused);
        var given = (requested ?? F.Fields).Where(f => onFile.Contains(f) && F.MaySee(actor, f, person.UnitId, tree)).ToList();
        if (requested is null && !F.Fields.Any(f => F.MaySee(actor, f, person.UnitId, tree)))
            return Forbidden("Your roles do not open this person's personal data in full.", null);

        var withheld = onFile.Where(f => !F.MaySee(actor, f, person.UnitId, tree)).ToList();
        db.Record(actor, "person.viewed_unmasked", "person", id.ToString(), after: new { fields = given }, personId: id, at: clock.GetUtcNow());
        await db.SaveChangesAsync(ct);

        var residentId = given.Contains(F.ResidentId) ? personalData.Unprotect(person.ResidentIdCipher!) : null;
        return TypedResults.Ok(new PersonalDataDto(
            id, given, withheld,
            given.Contains(F.Name) ? person.Name : null,
            given.Contains(F.Phone) ? person.Phone : null,
            given.Contains(F.Address) ? person.Address : null,
            residentId,
            residentId is null ? null : person.BirthDate,
            given.Contains(F.BankAccount) ? personalData.Unprotect(person.BankAccountCipher!) : null,
            given.Contains(F.Health) ? personalData.Unprotect(person.HealthCipher!) : null,
            given.Contains(F.Household) ? PersonInput.ReadHousehold(personalData, person.HouseholdCipher) : null));
    }

    private static bool IsOnFile(Person p, string field) => field switch
    {
        F.Name => true,
        F.Phone => p.Phone is not null,
        F.Address => p.Address is not null,
        F.ResidentId => p.ResidentIdCipher is not null,
        F.BankAccount => p.BankAccountCipher is not null,
        F.Health => p.HealthCipher is not null,
        F.Household => p.HouseholdCipher is not null,
        _ => false,
    };

    private static ProblemHttpResult? ReadFields(string? fields, out List<string>? requested)
    {
        requested = null;
        if (fields is null) return null;
        requested = fields.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        var unknown = requested.FirstOrDefault(f => !PersonalDataAccess.Fields.Contains(f));
        if (requested.Count == 0 || unknown is not null)
            return Problems.BadRequest("invalid_query", $"fields lists some of: {string.Join(", ", PersonalDataAccess.Fields)}.", "fields");
        return null;
    }

    private static ProblemHttpResult Forbidden(string detail, string? field) =>
        Problems.Create(StatusCodes.Status403Forbidden, "personal_data_forbidden", detail, field);
}
