namespace CaseFlow.Engine.Security;

/// <summary>
/// The roles a user holds at a unit (and so at every unit below it). BPMN candidate groups name them:
/// <c>reviewer</c> is a reviewer at the case's unit or above it, <c>reviewer@town</c> one at the case's town.
/// </summary>
public static class Roles
{
    public const string Operator = "operator";
    public const string CaseWorker = "caseworker";
    public const string Reviewer = "reviewer";
    public const string Approver = "approver";
    public const string Finance = "finance";
    public const string Auditor = "auditor";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Operator, CaseWorker, Reviewer, Approver, Finance, Auditor, Supervisor, Admin];

    public static bool IsKnown(string role) => All.Contains(role);
}
