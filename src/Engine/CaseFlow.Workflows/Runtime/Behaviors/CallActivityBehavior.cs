using System.Security.Cryptography;
using CaseFlow.Workflows.Model;

namespace CaseFlow.Workflows.Runtime;

/// <summary>A call activity asks the service to start another process and waits for it to end.</summary>
internal static class CallActivityBehavior
{
    public static void Activate(Run run, CallActivity call, ElementInstance element)
    {
        var processId = run.Evaluate(call.CalledProcessId, element.Key, call.Id) as string;
        if (string.IsNullOrWhiteSpace(processId))
            throw new ElementFailure("invalid_called_element",
                $"The called process of '{call.Id}' ({call.CalledProcessId.Source}) did not evaluate to a process id.");

        var variables = call.PropagateAllParentVariables
            ? run.VisibleVariables(element.Key)
            : new Dictionary<string, object?>(element.Variables ?? [], StringComparer.Ordinal);
        var childId = ChildId(run.State.InstanceId, element.Key);
        element.ChildInstanceId = childId;
        run.Effects.Add(new ChildInstanceRequested(element.Key, call.Id, childId, processId, variables));
        run.Record(HistoryEventType.ChildInstanceStarted, call.Id, element.Key, detail: $"{processId} {childId}");
    }

    /// <summary>The child's id follows from the parent's and the element's key, so the core stays deterministic.</summary>
    public static Guid ChildId(Guid parent, long elementKey)
    {
        Span<byte> input = stackalloc byte[24];
        parent.TryWriteBytes(input);
        BitConverter.TryWriteBytes(input[16..], elementKey);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        hash[7] = (byte)((hash[7] & 0x0F) | 0x80); // version 8: custom, name-based
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(hash[..16]);
    }

    public static void Complete(Run run, CallActivity call, ElementInstance element, IReadOnlyDictionary<string, object?> childVariables)
    {
        if (call.IoMapping.Outputs.Count > 0 || call.PropagateAllChildVariables)
            Completion.ApplyResult(run, call, element, childVariables);
        run.EnqueueLeave(element);
    }
}
