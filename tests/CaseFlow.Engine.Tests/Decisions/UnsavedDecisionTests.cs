using System.Net;
using System.Text.Json;
using CaseFlow.Engine.Security;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Decisions;

/// <summary>The designer's test panel evaluates a table under edit, never deployed.</summary>
public sealed class UnsavedDecisionTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private readonly HttpClient _client = app.CreateClient();

    private Task<HttpResponseMessage> EvaluateAsync(string xml, string decisionId, object variables, HttpClient? client = null) =>
        (client ?? _client).PostJsonAsync("/api/decisions/evaluate", new { xml, decisionId, variables });

    [Fact]
    public async Task An_unsaved_table_is_evaluated_with_the_matched_rule_and_its_one_based_index()
    {
        var response = await EvaluateAsync(DecisionFiles.Read("aid.dmn"), "aidLevel", new { size = 2, income = 18000 });

        var answer = await response.ReadAsync<JsonElement>(HttpStatusCode.OK);
        Assert.Equal("partial", answer.GetProperty("result").GetString());
        var rule = Assert.Single(answer.GetProperty("matchedRules").EnumerateArray());
        Assert.Equal(("Rule_Partial", 2), (rule.GetProperty("ruleId").GetString(), rule.GetProperty("ruleIndex").GetInt32()));
        var deployed = await _client.GetAsync("/api/decisions/aidLevel");
        Assert.Equal(HttpStatusCode.NotFound, deployed.StatusCode);
    }

    [Fact]
    public async Task A_table_with_a_broken_expression_returns_422_invalid_dmn_at_its_element()
    {
        var response = await EvaluateAsync(DecisionFiles.Read("invalid.dmn"), "broken", new { });

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_dmn");
        Assert.Equal("brokenExpression", problem.GetProperty("elementId").GetString());
        Assert.NotEmpty(problem.GetProperty("problems").EnumerateArray());
    }

    [Fact]
    public async Task Text_that_is_not_XML_returns_422_invalid_dmn()
    {
        var response = await EvaluateAsync("<definitions", "aidLevel", new { });

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_dmn");
        Assert.Equal("xml", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_decision_the_file_does_not_hold_returns_422_at_decisionId()
    {
        var response = await EvaluateAsync(DecisionFiles.Read("aid.dmn"), "elsewhere", new { });

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "decision_not_found");
        Assert.Equal("decisionId", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_caseworker_gets_403_for_the_test_panel()
    {
        var units = await app.UnitsAsync();
        var caseworker = await app.ClientAsAsync(units.TownA, Roles.CaseWorker);

        var response = await EvaluateAsync(DecisionFiles.Read("aid.dmn"), "aidLevel", new { size = 2, income = 18000 }, caseworker);

        await response.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
