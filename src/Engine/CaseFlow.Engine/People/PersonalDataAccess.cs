using CaseFlow.Engine.Security;
using CaseFlow.Engine.Units;

namespace CaseFlow.Engine.People;

/// <summary>
/// Who sees which personal field in full (docs/privacy.md). A role counts when held at the person's unit or
/// above it. Admins manage users and units, not cases: they see no personal data in full.
/// </summary>
internal static class PersonalDataAccess
{
    public const string Name = "name";
    public const string Phone = "phone";
    public const string Address = "address";
    public const string ResidentId = "residentId";
    public const string BankAccount = "bankAccount";
    public const string Health = "health";
    public const string Household = "household";

    public static readonly IReadOnlyDictionary<string, string[]> RolesByField = new Dictionary<string, string[]>
    {
        // Contact details: whoever calls, visits or pays the person.
        [Name] = [Roles.Operator, Roles.CaseWorker, Roles.Reviewer, Roles.Approver, Roles.Finance, Roles.Supervisor, Roles.Auditor],
        [Phone] = [Roles.Operator, Roles.CaseWorker, Roles.Reviewer, Roles.Approver, Roles.Finance, Roles.Supervisor, Roles.Auditor],
        [Address] = [Roles.CaseWorker, Roles.Reviewer, Roles.Approver, Roles.Supervisor, Roles.Auditor],
        // Identity: checking who applies (duplicates, eligibility), and the audit of it.
        [ResidentId] = [Roles.CaseWorker, Roles.Reviewer, Roles.Approver, Roles.Supervisor, Roles.Auditor],
        // Money: who pays, who approves the payment, who audits it.
        [BankAccount] = [Roles.Finance, Roles.Approver, Roles.Auditor],
        // The hardship itself: who files, checks and decides it.
        [Health] = [Roles.CaseWorker, Roles.Reviewer, Roles.Approver, Roles.Auditor],
        [Household] = [Roles.CaseWorker, Roles.Reviewer, Roles.Approver, Roles.Auditor],
    };

    public static IReadOnlyList<string> Fields { get; } = [Name, Phone, Address, ResidentId, BankAccount, Health, Household];

    public static bool MaySee(Actor actor, string field, Guid unitId, UnitTree tree) =>
        RolesByField[field].Any(role => actor.HasAt(role, unitId, tree));
}
