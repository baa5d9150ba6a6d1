using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Durability;

/// <summary>Settings for a service process that is one node of a cluster on the test database.</summary>
public static class ClusterNode
{
    public static IReadOnlyDictionary<string, string> Settings(TestDatabase database) => new Dictionary<string, string>
    {
        ["Database__Provider"] = database.Provider,
        ["ConnectionStrings__CaseFlow"] = database.ConnectionString,
        // A killed node's work is taken over once it misses its check-in: keep that short in tests.
        ["Scheduling__CheckinInterval"] = "00:00:02",
        // The tests deploy their own fixtures; the shipped workflows would only lengthen every start.
        ["Workflows__DeployOnStart"] = "false",
    };
}
