namespace CaseFlow.Engine.People;

public sealed record HouseholdMemberInput(string? Name, string? Relation, string? ResidentId, decimal? MonthlyIncome);

public sealed record HouseholdInput(IReadOnlyList<HouseholdMemberInput?>? Members, decimal? MonthlyIncome, string? HardshipCause);

/// <summary>A new person; <c>unitId</c> defaults to the acting user's unit.</summary>
public sealed record CreatePersonRequest(
    string? Name, string? Phone, string? ResidentId, string? Address, string? BankName, string? BankAccount,
    string? Health, HouseholdInput? Household, Guid? UnitId);

/// <summary>
/// A change to a person at <c>version</c>. A field left out (or null) stays as it is; an empty string clears
/// an optional field. The client only ever saw masked values, so it sends only what it changes.
/// </summary>
public sealed record UpdatePersonRequest(
    int? Version, string? Name, string? Phone, string? ResidentId, string? Address, string? BankName, string? BankAccount,
    string? Health, HouseholdInput? Household, Guid? UnitId);

/// <summary>Search filters for <c>POST /api/people/search</c>: the body keeps resident IDs out of URLs and access logs.</summary>
public sealed record PersonSearchRequest(string? Name, string? Phone, string? ResidentId, Guid? UnitId, int? Page, int? PageSize);

/// <summary>A person as lists, searches and exports show them: personal data masked, health and household only as "on file".</summary>
public sealed record PersonDto(
    Guid Id, Guid UnitId, string Name, string? Phone, string? ResidentId, string? Gender, string? Address,
    string? BankName, string? BankAccount, bool HasHealth, bool HasHousehold,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version);

public sealed record HouseholdMember(string Name, string Relation, string? ResidentId, decimal? MonthlyIncome);

/// <summary>The household file as stored (encrypted as one JSON document).</summary>
public sealed record Household(IReadOnlyList<HouseholdMember> Members, decimal? MonthlyIncome, string? HardshipCause);

/// <summary>
/// The unmasked fields the actor may see. <c>fields</c> names those given (and logged); <c>withheld</c> those
/// on file that the actor's roles do not open. A field not given is null.
/// </summary>
public sealed record PersonalDataDto(
    Guid Id, IReadOnlyList<string> Fields, IReadOnlyList<string> Withheld,
    string? Name, string? Phone, string? Address, string? ResidentId, DateOnly? BirthDate,
    string? BankAccount, string? Health, Household? Household);
