using CaseFlow.Workflows.Feel;
using static CaseFlow.Workflows.Tests.Dmn.DmnFixture;

namespace CaseFlow.Workflows.Tests.Dmn;

public sealed class RequiredDecisionTests
{
    private const string File = "required-decisions.dmn";

    [Fact]
    public void A_required_decisions_result_is_visible_by_its_name() =>
        Assert.Equal(true, Evaluate(File, "eligible", ("Monthly Income", 1500m), ("Family Size", 3m)).Result);

    [Fact]
    public void A_business_knowledge_model_is_callable_by_name() =>
        Assert.Equal(500m, Evaluate(File, "incomePerMember", ("Monthly Income", 1500m), ("Family Size", 3m)).Result);

    [Fact]
    public void Decisions_are_found_by_name_as_well_as_id() =>
        Assert.Equal(500m, Evaluate(File, "Income per-member", ("Monthly Income", 1500m), ("Family Size", 3m)).Result);

    [Fact]
    public void A_boxed_context_collects_its_entries() =>
        Assert.Equal("{eligible: false, \"per member\": 1000}", FeelValue.ToFeelString(Evaluate(File, "summary", ("Monthly Income", 3000m), ("Family Size", 3m)).Result));

    [Fact]
    public void An_input_of_the_wrong_type_is_null_with_a_warning()
    {
        var result = Evaluate(File, "incomePerMember", ("Monthly Income", "a lot"), ("Family Size", 3m));
        Assert.Null(result.Result);
        Assert.Contains(result.Warnings, w => w.Contains("Monthly Income") && w.Contains("not a number"));
    }

    [Fact]
    public void The_graph_lists_its_requirements()
    {
        var summary = Graph(File).FindDecision("summary")!;
        Assert.Equal(["eligible", "incomePerMember"], summary.RequiredDecisions.Select(d => d.Id));
    }

    [Fact]
    public void An_unknown_decision_gives_null_and_a_warning() =>
        Assert.Contains("nope", Assert.Single(Evaluate(File, "nope").Warnings));
}
