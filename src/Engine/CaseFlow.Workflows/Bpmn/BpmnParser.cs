namespace CaseFlow.Workflows.Bpmn;

/// <summary>Reads BPMN 2.0 XML into immutable process definitions and validates them, reporting every problem at once.</summary>
public static class BpmnParser
{
    /// <summary>Never throws on bad input: malformed XML, unknown elements and invalid graphs come back as problems.</summary>
    public static BpmnParseResult Parse(string xml) => throw new NotImplementedException();
}
