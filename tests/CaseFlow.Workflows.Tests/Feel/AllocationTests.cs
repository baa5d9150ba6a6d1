using CaseFlow.Workflows.Feel;

namespace CaseFlow.Workflows.Tests.Feel;

/// <summary>Counts bytes, not time: typical gateway conditions must not allocate per evaluation.</summary>
public class AllocationTests
{
    private static long BytesPerEvaluation(string expression, params (string, object?)[] variables)
    {
        var compiled = FeelExpression.Parse(expression);
        var scope = F.Scope(variables);
        for (var i = 0; i < 100; i++) compiled.Evaluate(scope);
        // The smallest of several windows: a one-off allocation by the runtime itself (the JIT tiering
        // a method up mid-loop) is not the evaluator's, while a real per-evaluation one shows in every window.
        var least = long.MaxValue;
        for (var window = 0; window < 5; window++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1000; i++) compiled.Evaluate(scope);
            least = Math.Min(least, (GC.GetAllocatedBytesForCurrentThread() - before) / 1000);
        }
        return least;
    }

    [Fact]
    public void A_numeric_comparison_allocates_nothing() => Assert.Equal(0, BytesPerEvaluation("amount > 5000", ("amount", 6000m)));

    [Fact]
    public void A_conjunction_with_a_path_allocates_nothing() => Assert.Equal(0, BytesPerEvaluation(
        "amount > 5000 and applicant.category = \"illness\"", ("amount", 6000m), ("applicant", F.Context(("category", "illness")))));

    [Fact]
    public void A_membership_test_against_a_literal_list_allocates_nothing() =>
        Assert.Equal(0, BytesPerEvaluation("status in [\"open\", \"new\"]", ("status", "new")));

    [Fact]
    public void A_range_test_allocates_nothing() => Assert.Equal(0, BytesPerEvaluation("score in [1..10)", ("score", 4m)));
}
