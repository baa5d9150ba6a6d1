using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CaseFlow.Engine.Tests.Infrastructure;

namespace CaseFlow.Engine.Tests.Decisions;

public sealed class DecisionEvaluationTests(CaseFlowApp app) : IClassFixture<CaseFlowApp>
{
    private readonly HttpClient _client = app.CreateClient();

    private async Task<JsonElement> EvaluateAsync(string file, string decisionId, object variables)
    {
        await _client.DeployFileAsync(file);
        return await (await _client.EvaluateAsync(decisionId, variables)).ReadAsync<JsonElement>(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Evaluating_a_table_returns_the_result_and_the_matched_rule()
    {
        var answer = await EvaluateAsync("aid.dmn", "aidLevel", new { size = 4, income = 18000 });

        Assert.Equal("full", answer.GetProperty("result").GetString());
        var rule = Assert.Single(answer.GetProperty("matchedRules").EnumerateArray());
        Assert.Equal("aidLevel", rule.GetProperty("decisionId").GetString());
        Assert.Equal("Rule_Full", rule.GetProperty("ruleId").GetString());
        Assert.Equal(1, rule.GetProperty("ruleIndex").GetInt32());
        Assert.Equal("large household on a low income", rule.GetProperty("annotation").GetString());
        Assert.Equal("full", rule.GetProperty("outputs").GetProperty("level").GetString());
        Assert.Empty(answer.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public async Task No_matching_rule_is_a_null_result()
    {
        var answer = await EvaluateAsync("aid.dmn", "aidLevel", new { size = 4 });

        Assert.Equal(JsonValueKind.Null, answer.GetProperty("result").ValueKind);
        Assert.Empty(answer.GetProperty("matchedRules").EnumerateArray());
    }

    [Fact]
    public async Task A_collect_table_gives_a_list_in_rule_order()
    {
        var answer = await EvaluateAsync("documents.dmn", "documents", new { income = 18000 });

        Assert.Equal(["id card", "payslip"], answer.GetProperty("result").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2, answer.GetProperty("matchedRules").GetArrayLength());
    }

    [Fact]
    public async Task Several_outputs_give_a_context_keyed_by_output_name()
    {
        var answer = await EvaluateAsync("documents.dmn", "review", new { income = 45000 });

        Assert.Equal("{\"level\":\"full\",\"group\":\"supervisor\"}", answer.GetProperty("result").GetRawText());
    }

    [Fact]
    public async Task Decimal_results_keep_their_exact_value_as_json_numbers()
    {
        var answer = await EvaluateAsync("arithmetic.dmn", "sum", new { a = 0.1m, b = 0.2m });

        Assert.Equal(JsonValueKind.Number, answer.GetProperty("result").ValueKind);
        Assert.Equal("0.3", answer.GetProperty("result").GetRawText());
    }

    [Fact]
    public async Task Dates_and_durations_are_iso_8601_strings()
    {
        var answer = await EvaluateAsync("arithmetic.dmn", "deadline", new { applied = "2026-03-01" });

        var result = answer.GetProperty("result");
        Assert.Equal("2026-03-15", result.GetProperty("due").GetString());
        Assert.Equal("P14D", result.GetProperty("wait").GetString());
        Assert.Equal("P1Y2M", result.GetProperty("term").GetString());
        Assert.Equal("2026-03-01T09:30:00Z", result.GetProperty("at").GetString());
    }

    [Fact]
    public async Task An_unknown_decision_is_404()
    {
        var response = await _client.EvaluateAsync("nothingHere", new { });

        await response.ProblemAsync(HttpStatusCode.NotFound, "decision_not_found");
    }

    [Theory]
    [InlineData("{\"variables\": {\"size\": ")]
    [InlineData("{\"variables\": [1, 2]}")]
    [InlineData("\"just text\"")]
    public async Task Malformed_json_is_400(string body)
    {
        await _client.DeployFileAsync("aid.dmn");

        var response = await _client.PostAsync("/api/decisions/aidLevel/evaluate",
            new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")));

        await response.ProblemAsync(HttpStatusCode.BadRequest, "malformed_json");
    }
}
