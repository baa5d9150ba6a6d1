namespace CaseFlow.Engine.Employers;

public sealed record CreateEmployerRequest(string? Name, string? CreditCode, string? Address, string? ContactPhone, Guid? UnitId);

/// <summary>A change at <c>version</c>: a field left out (or null) stays; an empty string clears an optional one.</summary>
public sealed record UpdateEmployerRequest(int? Version, string? Name, string? CreditCode, string? Address, string? ContactPhone, Guid? UnitId);

public sealed record EmployerDto(
    Guid Id, Guid UnitId, string Name, string? CreditCode, string? Address, string? ContactPhone,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version);

internal static class EmployerMapping
{
    public static EmployerDto ToDto(this Employer e) =>
        new(e.Id, e.UnitId, e.Name, e.CreditCode, e.Address, e.ContactPhone, e.CreatedAt, e.UpdatedAt, e.Version);
}
