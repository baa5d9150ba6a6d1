using CaseFlow.Engine.Api;
using CaseFlow.Engine.Persistence;
using CaseFlow.Engine.Privacy;
using CaseFlow.Engine.Units;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CaseFlow.Engine.People;

/// <summary>
/// People by name prefix, phone, resident ID (through its keyed hash: the number itself is never in the
/// database) and unit (with the units below it), within what the actor sees; paged, masked.
/// </summary>
internal static class PersonSearch
{
    public static async Task<Results<Ok<PageDto<PersonDto>>, ProblemHttpResult>> RunAsync(
        PersonSearchRequest request, CaseFlowDb db, PersonalData personalData, UnitTreeCache units, CancellationToken ct)
    {
        if (!Paging.TryCreate(request.Page, request.PageSize, out var paging, out var pagingProblem)) return pagingProblem!;
        IQueryable<Person> people = db.People.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Name))
        {
            var name = request.Name.Trim();
            people = people.Where(p => p.Name.StartsWith(name));
        }
        if (!string.IsNullOrWhiteSpace(request.Phone))
        {
            if (PersonInput.TryPhone(request.Phone, "phone", out var phone) is { } phoneProblem) return phoneProblem;
            people = people.Where(p => p.Phone == phone);
        }
        if (!string.IsNullOrWhiteSpace(request.ResidentId))
        {
            if (!ResidentId.TryParse(request.ResidentId, out var id))
                return Problems.Invalid("resident_id_invalid", "residentId is not a valid 18-character resident ID (GB 11643).", "residentId");
            var hash = await personalData.HashResidentIdAsync(id.Value, ct);
            people = people.Where(p => p.ResidentIdHash == hash);
        }
        if (request.UnitId is { } unitId)
        {
            var subtree = (await UnitWrites.TreeWithAsync(unitId, units, ct)).SubtreesOf([unitId]).ToArray();
            people = people.Where(p => subtree.Contains(p.UnitId));
        }

        var total = await people.CountAsync(ct);
        var items = await people.OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(PersonMapping.ToDtoExpression)
            .ToListAsync(ct);
        return TypedResults.Ok(new PageDto<PersonDto>(items, paging.Page, paging.PageSize, total));
    }
}
