using System.Text.Json;
using CaseFlow.Engine.Api;
using CaseFlow.Engine.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CaseFlow.Engine.People;

/// <summary>
/// The personal fields of a create or update request, checked and normalised. Each string is null when
/// the request leaves the field as it is, empty when it clears it, the new value otherwise.
/// </summary>
internal sealed record PersonInput(
    string? Name, string? Phone, ResidentId? ResidentId, bool ClearResidentId, string? Address, string? BankName,
    string? BankAccount, string? Health, Household? Household)
{
    public const int MaxName = 100;
    public const int MaxAddress = 300;
    public const int MaxBankName = 100;
    public const int MaxHealth = 4000;
    public const int MaxCause = 500;
    public const int MaxMembers = 30;
    private const decimal MaxIncome = 1_000_000_000m;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Checks every field; the first problem found is the answer (422 with the field).</summary>
    public static ProblemHttpResult? TryRead(
        string? name, string? phone, string? residentId, string? address, string? bankName, string? bankAccount,
        string? health, HouseholdInput? household, out PersonInput input)
    {
        input = null!;
        if (name is not null && (name.Trim().Length == 0 || name.Trim().Length > MaxName))
            return Problems.Invalid("name_invalid", $"name must be 1 to {MaxName} characters.", "name");
        if (TryPhone(phone, "phone", out var phoneValue) is { } phoneProblem) return phoneProblem;
        ResidentId? id = null;
        if (!string.IsNullOrWhiteSpace(residentId))
        {
            if (!Privacy.ResidentId.TryParse(residentId, out var parsed))
                return Problems.Invalid("resident_id_invalid", "residentId is not a valid 18-character resident ID (GB 11643).", "residentId");
            id = parsed;
        }
        if (TooLong(address, MaxAddress, "address") is { } a) return a;
        if (TooLong(bankName, MaxBankName, "bankName") is { } b) return b;
        var account = bankAccount?.Replace(" ", "", StringComparison.Ordinal).Trim();
        if (!string.IsNullOrEmpty(account) && (account.Length is < 8 or > 32 || !account.All(char.IsAsciiDigit)))
            return Problems.Invalid("bank_account_invalid", "bankAccount must be 8 to 32 digits.", "bankAccount");
        if (TooLong(health, MaxHealth, "health") is { } h) return h;
        Household? file = null;
        if (household is not null && ReadHousehold(household, out file) is { } householdProblem) return householdProblem;

        input = new PersonInput(
            name?.Trim(), phoneValue, id, residentId is not null && residentId.Trim().Length == 0, address?.Trim(),
            bankName?.Trim(), account, health?.Trim(), file);
        return null;
    }

    /// <summary>Writes the given fields into <paramref name="person"/>, encrypting personal data; returns what changed.</summary>
    public List<string> ApplyTo(Person person, PersonalData personalData, string? residentIdHash)
    {
        var changed = new List<string>();
        if (Name is not null && Name != person.Name) { person.Name = Name; changed.Add("name"); }
        if (Phone is not null && Phone != (person.Phone ?? "")) { person.Phone = Empty(Phone); changed.Add("phone"); }
        if (ResidentId is { } id && residentIdHash != person.ResidentIdHash)
        {
            person.ResidentIdCipher = personalData.Protect(id.Value);
            person.ResidentIdHash = residentIdHash;
            person.ResidentIdMasked = Mask.ResidentId(id.Value);
            person.Gender = id.Gender;
            person.BirthDate = id.BirthDate;
            changed.Add("residentId");
        }
        else if (ClearResidentId && person.ResidentIdHash is not null)
        {
            person.ResidentIdCipher = person.ResidentIdHash = person.ResidentIdMasked = person.Gender = null;
            person.BirthDate = null;
            changed.Add("residentId");
        }
        if (Address is not null && Address != (person.Address ?? "")) { person.Address = Empty(Address); changed.Add("address"); }
        if (BankName is not null && BankName != (person.BankName ?? "")) { person.BankName = Empty(BankName); changed.Add("bankName"); }
        if (BankAccount is not null)
        {
            // Ciphers differ on every write, so compare the plaintext, not the columns.
            var current = person.BankAccountCipher is null ? "" : personalData.Unprotect(person.BankAccountCipher);
            if (BankAccount != current)
            {
                person.BankAccountCipher = BankAccount.Length == 0 ? null : personalData.Protect(BankAccount);
                person.BankAccountMasked = BankAccount.Length == 0 ? null : Mask.BankAccount(BankAccount);
                changed.Add("bankAccount");
            }
        }
        if (Health is not null)
        {
            var current = person.HealthCipher is null ? "" : personalData.Unprotect(person.HealthCipher);
            if (Health != current)
            {
                person.HealthCipher = Health.Length == 0 ? null : personalData.Protect(Health);
                changed.Add("health");
            }
        }
        if (Household is not null)
        {
            var json = JsonSerializer.Serialize(Household, Json);
            var current = person.HouseholdCipher is null ? null : personalData.Unprotect(person.HouseholdCipher);
            if (json != current)
            {
                person.HouseholdCipher = personalData.Protect(json);
                changed.Add("household");
            }
        }
        return changed;
    }

    public static Household? ReadHousehold(PersonalData personalData, string? cipher) =>
        cipher is null ? null : JsonSerializer.Deserialize<Household>(personalData.Unprotect(cipher), Json);

    private static string? Empty(string value) => value.Length == 0 ? null : value;

    /// <summary>
    /// The phone in the one canonical form the hotline also uses (<see cref="PhoneNumbers"/>: its digits, no +86),
    /// so a caller filed here is found by the hotline's caller history and the cases' phone search, and vice versa.
    /// Null when absent, empty when cleared.
    /// </summary>
    internal static ProblemHttpResult? TryPhone(string? phone, string field, out string? value)
    {
        value = phone?.Trim();
        if (string.IsNullOrEmpty(value)) return null;
        if (PhoneNumbers.TryNormalize(value, out var normalized))
        {
            value = normalized;
            return null;
        }
        return Problems.Invalid("phone_invalid", $"{field} must be an 11-digit mobile number or a landline with its area code.", field);
    }

    internal static ProblemHttpResult? TooLong(string? value, int max, string field) =>
        value is not null && value.Trim().Length > max
            ? Problems.Invalid("too_long", $"{field} must be at most {max} characters.", field)
            : null;

    private static ProblemHttpResult? ReadHousehold(HouseholdInput input, out Household household)
    {
        household = null!;
        var members = input.Members ?? [];
        if (members.Count > MaxMembers)
            return Problems.Invalid("too_many_members", $"A household lists at most {MaxMembers} members.", "household.members");
        var read = new List<HouseholdMember>();
        for (var i = 0; i < members.Count; i++)
        {
            var field = $"household.members[{i}]";
            if (members[i] is not { } member) return Problems.Invalid("member_invalid", "A household member must be an object.", field);
            if (string.IsNullOrWhiteSpace(member.Name) || member.Name.Trim().Length > MaxName)
                return Problems.Invalid("name_invalid", $"A member's name must be 1 to {MaxName} characters.", field + ".name");
            if (string.IsNullOrWhiteSpace(member.Relation) || member.Relation.Trim().Length > 30)
                return Problems.Invalid("relation_invalid", "A member's relation (spouse, child, parent ...) must be 1 to 30 characters.", field + ".relation");
            string? memberId = null;
            if (!string.IsNullOrWhiteSpace(member.ResidentId))
            {
                if (!Privacy.ResidentId.TryParse(member.ResidentId, out var parsed))
                    return Problems.Invalid("resident_id_invalid", "Not a valid 18-character resident ID (GB 11643).", field + ".residentId");
                memberId = parsed.Value;
            }
            if (member.MonthlyIncome is < 0 or > MaxIncome)
                return Problems.Invalid("amount_invalid", "monthlyIncome must be 0 or more.", field + ".monthlyIncome");
            read.Add(new HouseholdMember(member.Name.Trim(), member.Relation.Trim(), memberId, member.MonthlyIncome));
        }
        if (input.MonthlyIncome is < 0 or > MaxIncome)
            return Problems.Invalid("amount_invalid", "monthlyIncome must be 0 or more.", "household.monthlyIncome");
        if (TooLong(input.HardshipCause, MaxCause, "household.hardshipCause") is { } cause) return cause;
        household = new Household(read, input.MonthlyIncome, string.IsNullOrWhiteSpace(input.HardshipCause) ? null : input.HardshipCause.Trim());
        return null;
    }
}
