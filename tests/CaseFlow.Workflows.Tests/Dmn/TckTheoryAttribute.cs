using Xunit.Abstractions;
using Xunit.Sdk;

namespace CaseFlow.Workflows.Tests.Dmn;

/// <summary>A theory whose rows named in <c>tck-known-failures.txt</c> are reported as skipped with the
/// listed reason (xunit 2 has no per-row skip, so the discoverer decides per data row).</summary>
[XunitTestCaseDiscoverer("CaseFlow.Workflows.Tests.Dmn.TckTheoryDiscoverer", "CaseFlow.Workflows.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class TckTheoryAttribute : TheoryAttribute;

public sealed class TckTheoryDiscoverer(IMessageSink sink) : TheoryDiscoverer(sink)
{
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(ITestFrameworkDiscoveryOptions discoveryOptions,
        ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow)
    {
        if (dataRow.Length > 0 && dataRow[0] is string name && TckCatalog.KnownFailures.Value.TryGetValue(name, out var reason))
        {
            return CreateTestCasesForSkippedDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow, $"Known TCK failure: {reason}");
        }
        return base.CreateTestCasesForDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow);
    }
}
