namespace CaseFlow.Workflows.Dmn;

/// <summary>Deploy-time analysis of decision tables.</summary>
internal static class DmnValidator
{
    public static void Validate(DecisionRequirementsGraph graph, DmnProblemList problems)
    {
    }
}
