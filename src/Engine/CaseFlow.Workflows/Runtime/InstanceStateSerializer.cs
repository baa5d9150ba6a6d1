namespace CaseFlow.Workflows.Runtime;

/// <summary>The durable form of <see cref="InstanceState"/>: compact UTF-8 JSON.</summary>
public static class InstanceStateSerializer
{
    public static byte[] Serialize(InstanceState state) => throw new NotImplementedException();

    public static InstanceState Deserialize(ReadOnlySpan<byte> json) => throw new NotImplementedException();
}
