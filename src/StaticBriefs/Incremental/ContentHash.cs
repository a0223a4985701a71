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
        // The same bytes as appending each part to a streaming hash, hashed at once: a body's memo key is four short
        // parts, and a cached build that looks for new entity names makes one for each of 10,000 bodies, where the
        // streaming hash was an object and a copy per part.
        var length = 0L;
        foreach (var part in parts) length += 4 + (2L * (part?.Length ?? 0));
        if (length > MaxOneShotBytes)
        {
            var hash = new XxHash128();
            foreach (var part in parts) Append(hash, part);
            return Convert.ToHexStringLower(hash.GetCurrentHash());
        }
        var rented = length > 512 ? System.Buffers.ArrayPool<byte>.Shared.Rent((int)length) : null;
        try
        {
            var buffer = rented is null ? stackalloc byte[512] : rented.AsSpan();
            var at = 0;
            foreach (var part in parts)
            {
                BitConverter.TryWriteBytes(buffer[at..], part?.Length ?? -1);
                at += 4;
                if (part is null) continue;
                MemoryMarshal.AsBytes(part.AsSpan()).CopyTo(buffer[at..]);
                at += 2 * part.Length;
            }
            Span<byte> hashed = stackalloc byte[16];
            XxHash128.Hash(buffer[..at], hashed);
            return Convert.ToHexStringLower(hashed);
        }
        finally
        {
            if (rented is not null) System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Parts longer than this in all are hashed as they are appended, not copied into one buffer first.</summary>
    private const int MaxOneShotBytes = 1 << 20;

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
