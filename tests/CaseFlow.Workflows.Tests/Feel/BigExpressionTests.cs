using CaseFlow.Workflows.Feel;

namespace CaseFlow.Workflows.Tests.Feel;

/// <summary>Whole expressions as a process would hold them: many lines, most features at once.</summary>
public class BigExpressionTests
{
    private const string ClaimAssessment = """
        = {
            // Claims younger than the policy's waiting period are not covered.
            eligible: claims[date(submitted) - policy.start >= duration("P30D")],
            covered total: sum(for c in eligible return c.amount),
            largest: max(eligible.amount),
            flagged: some c in eligible satisfies c.category in ("illness", "accident") and c.amount > 5000,
            fee: function(total) if total > 10000 then total * 0.02 else 50,
            summary: {
                count: count(eligible),
                total: covered total,
                fee: decimal(fee(covered total), 2),
                band: if covered total between 0 and 1000 then "low"
                      else if covered total < 10000 then "medium"
                      else "high",
                ids: sort(eligible.id, function(a, b) a > b)
            }
        }.summary
        """;

    private static IReadOnlyDictionary<string, object?> Claim(string id, string submitted, decimal amount, string category) =>
        F.Context(("id", id), ("submitted", submitted), ("amount", amount), ("category", category));

    private static (string, object?)[] Variables() =>
    [
        ("policy", F.Context(("start", new DateOnly(2024, 1, 1)))),
        ("claims", new object?[]
        {
            Claim("c1", "2024-01-10", 900m, "dental"),
            Claim("c2", "2024-02-15", 7000m, "illness"),
            Claim("c3", "2024-03-01", 4100.5m, "accident"),
        }),
    ];

    [Fact]
    public void A_claim_assessment_across_many_lines_evaluates() => Assert.Equal(
        "{count: 2, total: 11100.5, fee: 222.01, band: \"high\", ids: [\"c3\", \"c2\"]}",
        FeelValue.ToFeelString(FeelExpression.Parse(ClaimAssessment).Evaluate(F.Scope(Variables()))));

    [Fact]
    public void A_claim_assessment_evaluates_without_warnings()
    {
        var warnings = new List<string>();
        FeelExpression.Parse(ClaimAssessment).Evaluate(F.Scope(Variables()), warnings);
        Assert.Empty(warnings);
    }

    [Fact]
    public void The_same_compiled_expression_evaluates_against_different_scopes()
    {
        var expression = FeelExpression.Parse("if amount > 5000 then \"review\" else \"auto\"");
        Assert.Equal("review", expression.Evaluate(F.Scope(("amount", 6000m))));
        Assert.Equal("auto", expression.Evaluate(F.Scope(("amount", 10m))));
    }

    [Fact]
    public void A_compiled_expression_can_be_shared_across_threads()
    {
        var expression = FeelExpression.Parse("sum(for i in 1..n return i)");
        var results = Enumerable.Range(1, 64).AsParallel().Select(n => expression.Evaluate(F.Scope(("n", (decimal)n)))).ToArray();
        Assert.Equal(Enumerable.Range(1, 64).Select(n => (object?)(decimal)(n * (n + 1) / 2)), results);
    }
}
