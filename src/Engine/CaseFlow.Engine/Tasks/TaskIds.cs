using System.Buffers.Binary;
using System.Security.Cryptography;

namespace CaseFlow.Engine.Tasks;

/// <summary>
/// A task's id is a name-based UUID (version 8) of its instance and element key. Effects carry only
/// the element key; deriving the id lets the command path update the row without reading it first.
/// </summary>
internal static class TaskIds
{
    public static Guid For(Guid instanceId, long elementKey)
    {
        Span<byte> input = stackalloc byte[24];
        instanceId.TryWriteBytes(input, bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(input[16..], elementKey);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(hash[..16], bigEndian: true);
    }
}
