using CaseFlow.Workflows.Feel;
using static CaseFlow.Workflows.Tests.Dmn.DmnFixture;

namespace CaseFlow.Workflows.Tests.Dmn;

public sealed class DecisionTableTests
{
    private const string Defaults = "defaults-and-annotations.dmn";

    [Fact]
    public void Several_outputs_make_a_context_keyed_by_output_name()
    {
        var result = Evaluate(Defaults, "routing", ("amount", 6000m), ("category", "illness")).Result;
        Assert.Equal("{queue: \"medical review\", priority: 1}", FeelValue.ToFeelString(result));
    }

    [Fact]
    public void No_match_gives_the_default_output_entries() =>
        Assert.Equal("{queue: \"general\", priority: 3}", FeelValue.ToFeelString(Evaluate(Defaults, "routing", ("amount", 10m), ("category", "job loss")).Result));

    [Fact]
    public void A_matched_rule_reports_its_decision_id_rule_id_index_annotation_and_outputs()
    {
        var rule = Assert.Single(Evaluate(Defaults, "routing", ("amount", 6000m), ("category", "illness")).MatchedRules);
        Assert.Equal(("routing", "bigIllness", 1, "Large illness claims need a doctor"), (rule.DecisionId, rule.RuleId, rule.RuleIndex, rule.Annotation));
        Assert.Equal("medical review", rule.Outputs["queue"]);
    }

    [Fact]
    public void A_dash_input_entry_matches_any_input() =>
        Assert.Equal("health desk", ((IReadOnlyDictionary<string, object?>)Evaluate(Defaults, "routing", ("amount", null), ("category", "illness")).Result!)["queue"]);

    [Fact]
    public void An_output_outside_output_values_is_null_with_a_warning()
    {
        var result = Evaluate(Defaults, "outsideOutputValues", ("x", 1m));
        Assert.Null(result.Result);
        Assert.Contains(result.Warnings, w => w.Contains("\"red\",\"green\"") && w.Contains("blue"));
    }

    [Theory]
    [InlineData("illness", 300, 2, "emergency")]
    [InlineData("unemployment", 3600, 3, "basic")]
    [InlineData("elderly", 15000, 5, "basic")]
    [InlineData("disaster", 8000, 4, "standard")]
    public void The_fifty_rule_table_finds_the_one_matching_rule(string cause, int income, int size, string level) =>
        Assert.Equal(level, Evaluate("aid-level.dmn", "aidLevel", ("hardship cause", cause), ("monthly income", (decimal)income), ("family size", (decimal)size)).Result);

    [Fact]
    public void The_fifty_rule_table_deploys_without_problems() => Assert.Empty(Parse("aid-level.dmn").Problems);

    [Fact]
    public void The_fifty_rule_table_reports_the_matched_rules_annotation() =>
        Assert.Equal("elderly, income per member 2500 or more, family more than 3",
            Assert.Single(Evaluate("aid-level.dmn", "aidLevel", ("hardship cause", "elderly"), ("monthly income", 20000m), ("family size", 4m)).MatchedRules).Annotation);
}
