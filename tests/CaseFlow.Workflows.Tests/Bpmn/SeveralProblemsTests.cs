using CaseFlow.Workflows.Bpmn;

namespace CaseFlow.Workflows.Tests.Bpmn;

public class SeveralProblemsTests
{
    [Fact]
    public void A_file_with_several_problems_reports_all_of_them_in_file_order()
    {
        var result = Fixture.Parse("several-problems");

        Assert.False(result.IsDeployable);
        Assert.Contains(result.Problems, p => p is { Code: ProblemCodes.MissingJobType, ElementId: "Send_Letter" });
        Assert.Contains(result.Problems, p => p is { Code: ProblemCodes.MissingTarget, ElementId: "Flow_2" });
        Assert.Contains(result.Problems, p => p is { Code: ProblemCodes.MissingCalledElement, ElementId: "Call_Review" });
        Assert.Contains(result.Problems, p => p is { Code: ProblemCodes.UnsupportedElement, ElementId: "Complex" });
        Assert.Contains(result.Problems, p => p is { Code: ProblemCodes.EndEventHasOutgoing, ElementId: "End" });
        Assert.Contains(result.Problems, p => p is { Code: ProblemCodes.UnreachableElement, ElementId: "Call_Review" });
        Assert.Equal(result.Problems.OrderBy(p => p.Line).Select(p => p.Line), result.Problems.Select(p => p.Line));
        Assert.All(result.Problems, p =>
        {
            Assert.NotNull(p.ElementId);
            Assert.NotNull(p.Line);
            Assert.False(string.IsNullOrWhiteSpace(p.Message));
        });
    }
}
