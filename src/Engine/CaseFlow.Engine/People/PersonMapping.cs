using System.Linq.Expressions;
using CaseFlow.Engine.Privacy;

namespace CaseFlow.Engine.People;

internal static class PersonMapping
{
    /// <summary>For queries: reads no cipher column, masks in memory after the read.</summary>
    public static readonly Expression<Func<Person, PersonDto>> ToDtoExpression = p => new PersonDto(
        p.Id, p.UnitId, Mask.Name(p.Name), p.Phone == null ? null : Mask.Phone(p.Phone), p.ResidentIdMasked, p.Gender,
        p.Address == null ? null : Mask.Address(p.Address), p.BankName, p.BankAccountMasked,
        p.HealthCipher != null, p.HouseholdCipher != null, p.CreatedAt, p.UpdatedAt, p.Version);

    private static readonly Func<Person, PersonDto> Compiled = ToDtoExpression.Compile();

    public static PersonDto ToDto(this Person person) => Compiled(person);
}

/// <summary>What the audit log keeps of a person: masked values only, and which fields a change touched.</summary>
internal sealed record PersonAudit(
    Guid UnitId, string Name, string? Phone, string? ResidentId, string? Address, string? BankName, string? BankAccount,
    bool Health, bool Household, IReadOnlyList<string>? Changed)
{
    public static PersonAudit Of(Person p, IReadOnlyList<string>? changed = null) => new(
        p.UnitId, Mask.Name(p.Name), p.Phone is null ? null : Mask.Phone(p.Phone), p.ResidentIdMasked,
        p.Address is null ? null : Mask.Address(p.Address), p.BankName, p.BankAccountMasked,
        p.HealthCipher is not null, p.HouseholdCipher is not null, changed);
}
