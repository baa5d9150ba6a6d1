using System.Text;
using CaseFlow.Workflows.Model;

namespace CaseFlow.Workflows.Runtime;

/// <summary>
/// A business rule task asks the service to evaluate a deployed decision and waits for the answer.
/// The executor never reads decisions itself: which version is deployed is the service's knowledge, and
/// the core stays a function of its inputs.
/// </summary>
internal static class BusinessRuleTaskBehavior
{
    public static void Activate(Run run, BusinessRuleTask task, ElementInstance element)
    {
        var decisionId = run.Evaluate(task.DecisionId, element.Key, task.Id) as string;
        if (string.IsNullOrWhiteSpace(decisionId))
            throw new ElementFailure("invalid_called_decision",
                $"The called decision of '{task.Id}' ({task.DecisionId.Source}) did not evaluate to a decision id.");
        element.DecisionId = decisionId;
        run.Effects.Add(new DecisionRequested(element.Key, task.Id, decisionId, run.VisibleVariables(element.Key)));
    }

    public static void Complete(Run run, BusinessRuleTask task, ElementInstance element, CompleteDecision command)
    {
        var decisionId = element.DecisionId ?? task.DecisionId.Source;
        // The case file has to say why a family got what it got: the matched rules, then why anything became null.
        run.History.Add(new HistoryEvent(HistoryEventType.DecisionEvaluated, run.Now, task.Id, element.Key,
            NewValue: command.Result, Detail: Describe(decisionId, command.Matches)));
        foreach (var warning in command.Warnings ?? [])
            run.Record(HistoryEventType.ExpressionWarning, task.Id, element.Key, detail: $"decision {decisionId}: {warning}");
        if (!string.IsNullOrEmpty(task.ResultVariable))
            Completion.ApplyResult(run, task, element, new Dictionary<string, object?>(StringComparer.Ordinal) { [task.ResultVariable] = command.Result });
        run.EnqueueLeave(element);
    }

    /// <summary><c>aidLevel: aidLevel rule 2 (Rule_2) "single parent"; ...</c>, or <c>aidLevel: no rule matched</c>.</summary>
    internal static string Describe(string decisionId, IReadOnlyList<DecisionMatch> matches)
    {
        var text = new StringBuilder(decisionId).Append(": ");
        if (matches.Count == 0) return text.Append("no rule matched").ToString();
        for (var i = 0; i < matches.Count; i++)
        {
            var match = matches[i];
            if (i > 0) text.Append("; ");
            text.Append(match.DecisionId).Append(" rule ").Append(match.RuleIndex).Append(" (").Append(match.RuleId).Append(')');
            if (!string.IsNullOrEmpty(match.Annotation)) text.Append(" \"").Append(match.Annotation).Append('"');
        }
        return text.ToString();
    }
}
