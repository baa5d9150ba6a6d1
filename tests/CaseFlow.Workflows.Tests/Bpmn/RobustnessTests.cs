using CaseFlow.Workflows.Bpmn;

namespace CaseFlow.Workflows.Tests.Bpmn;

/// <summary>Uploads are half-saved, hand-edited or merged badly; none of that may throw. Needs the
/// FEEL parser, since the damaged file still holds conditions and mappings.</summary>
public class RobustnessTests
{
    private static readonly string[] Lines = Fixture.Text("zeebe-benefit-claim").Split('\n');

    public static TheoryData<string, int> Damage()
    {
        var data = new TheoryData<string, int>();
        for (var i = 1; i < Lines.Length; i++)
        {
            foreach (var how in new[] { "cut after", "delete", "double" }) data.Add(how, i);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Damage))]
    public void A_damaged_file_is_reported_never_thrown(string how, int line)
    {
        var damaged = how switch
        {
            "cut after" => Lines.Take(line),
            "delete" => Lines.Where((_, j) => j != line),
            _ => Lines.Take(line + 1).Append(Lines[line]).Concat(Lines.Skip(line + 1)),
        };

        var result = BpmnParser.Parse(string.Join('\n', damaged));

        Assert.True(result.IsDeployable || result.Problems.Any(p => p.Severity == ProblemSeverity.Error));
    }
}
