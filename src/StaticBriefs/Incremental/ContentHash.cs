using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace StaticBriefs.Incremental;

/// <summary>
/// Fast non-cryptographic content hashes (XxHash128) as hex strings. They only decide whether cached work can be
/// reused; nothing here defends against a crafted collision, which would need write access to the input anyway.
/// </summary>
internal static class ContentHash
{
    /// <summary>Hash of some bytes.</summary>
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(XxHash128.Hash(bytes));

    /// <summary>What <see cref="Of(ReadOnlySpan{byte})"/> gives for bytes whose <see cref="XxHash128.HashToUInt128"/> is <paramref name="hash"/>.</summary>
    public static string Of(UInt128 hash)
    {
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128BigEndian(bytes, hash);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>Hash of several strings; each is length-prefixed so ("ab","c") and ("a","bc") differ.</summary>
    public static string Of(params ReadOnlySpan<string?> parts)
    {
        var hash = new XxHash128();
        foreach (var part in parts) Append(hash, part);
        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    /// <summary>What <see cref="Of(ReadOnlySpan{string})"/> gives for <paramref name="label"/> and the builder's text, without making the text.</summary>
    public static string Of(string label, System.Text.StringBuilder text)
    {
        var hash = new XxHash128();
        Append(hash, label);
        Span<byte> length = stackalloc byte[4];
        BitConverter.TryWriteBytes(length, text.Length);
        hash.Append(length);
        foreach (var chunk in text.GetChunks()) hash.Append(MemoryMarshal.AsBytes(chunk.Span));
        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    /// <summary>Appends a length-prefixed string (null differs from empty).</summary>
    public static void Append(XxHash128 hash, string? text)
    {
        Span<byte> length = stackalloc byte[4];
        BitConverter.TryWriteBytes(length, text?.Length ?? -1);
        hash.Append(length);
        if (text is not null) hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
    }
}
