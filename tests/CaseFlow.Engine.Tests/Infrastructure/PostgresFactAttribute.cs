namespace CaseFlow.Engine.Tests.Infrastructure;

/// <summary>
/// A fact that runs only when <c>CASEFLOW_TEST_POSTGRES</c> holds a base connection string
/// (tests/run sets it for its PostgreSQL run); otherwise it is reported as skipped.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "CASEFLOW_TEST_POSTGRES";

    public static string? BaseConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public PostgresFactAttribute()
    {
        if (BaseConnectionString is null)
            Skip = $"{Variable} is not set: this run is on SQLite.";
    }
}
