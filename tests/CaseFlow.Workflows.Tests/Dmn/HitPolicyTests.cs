using static CaseFlow.Workflows.Tests.Dmn.DmnFixture;

namespace CaseFlow.Workflows.Tests.Dmn;

/// <summary>Each hit policy on the same three rules: score &gt;= 50, score &gt;= 80, score &lt; 50.</summary>
public sealed class HitPolicyTests
{
    private const string File = "hit-policies.dmn";

    [Fact]
    public void Unique_with_one_match_gives_that_rules_output() =>
        Assert.Equal("medium", Evaluate("unique-overlap.dmn", "unique", ("score", 60m)).Result);

    [Fact]
    public void Unique_with_two_matches_gives_null_and_a_warning()
    {
        var result = Evaluate("unique-overlap.dmn", "unique", ("score", 90m));
        Assert.Null(result.Result);
        Assert.Contains(result.Warnings, w => w.Contains("UNIQUE") && w.Contains("rules 1, 2"));
    }

    [Fact]
    public void Any_with_differing_outputs_gives_null_and_a_warning()
    {
        var result = Evaluate(File, "any", ("score", 90m));
        Assert.Null(result.Result);
        Assert.Contains(result.Warnings, w => w.Contains("ANY"));
    }

    [Fact]
    public void Any_with_agreeing_outputs_gives_the_shared_output() =>
        Assert.Equal("pass", Evaluate(File, "anyAgreeing", ("score", 90m)).Result);

    [Fact]
    public void Priority_picks_the_output_listed_first_in_output_values() =>
        Assert.Equal("high", Evaluate(File, "priority", ("score", 90m)).Result);

    [Fact]
    public void First_picks_the_first_matching_rule_in_table_order() =>
        Assert.Equal("medium", Evaluate(File, "first", ("score", 90m)).Result);

    [Fact]
    public void Rule_order_lists_outputs_in_rule_order() =>
        Assert.Equal(["medium", "high"], Evaluate(File, "ruleOrder", ("score", 90m)).Result as IEnumerable<object?>);

    [Fact]
    public void Output_order_lists_outputs_by_output_values_priority() =>
        Assert.Equal(["high", "medium"], Evaluate(File, "outputOrder", ("score", 90m)).Result as IEnumerable<object?>);

    [Fact]
    public void Collect_lists_every_matching_output() =>
        Assert.Equal(["medium", "high"], Evaluate(File, "collect", ("score", 90m)).Result as IEnumerable<object?>);

    [Fact]
    public void Collect_sum_adds_the_outputs() => Assert.Equal(30m, Evaluate(File, "collectSum", ("score", 90m)).Result);

    [Fact]
    public void Collect_min_takes_the_smallest_output() => Assert.Equal(10m, Evaluate(File, "collectMin", ("score", 90m)).Result);

    [Fact]
    public void Collect_max_takes_the_largest_output() => Assert.Equal(20m, Evaluate(File, "collectMax", ("score", 90m)).Result);

    [Fact]
    public void Collect_count_counts_the_matches() => Assert.Equal(2m, Evaluate(File, "collectCount", ("score", 90m)).Result);

    [Fact]
    public void Collect_count_without_a_match_is_zero() => Assert.Equal(0m, Evaluate(File, "collectCount", ("score", "not a number")).Result);

    [Fact]
    public void Collect_without_a_match_is_an_empty_list() =>
        Assert.Empty((IEnumerable<object?>)Evaluate(File, "collect", ("score", null)).Result!);

    [Fact]
    public void Single_hit_without_a_match_and_without_defaults_is_null() =>
        Assert.Null(Evaluate(File, "first", ("score", null)).Result);
}
