using System.Buffers.Binary;
using System.Globalization;

namespace StaticBriefs.Search;

/// <summary>
/// Display files of a versioned index that a write takes from the last version rather than making again. Each is
/// recorded (in the output's manifest, beside the file) by the key of what it was made from and the hash of its bytes
/// (<see cref="RecordKey"/>); a later write whose file has the same key finds its hash and length in the last version's
/// record (<see cref="Find"/>) and stages that file, its bytes made only when it cannot be (see
/// <see cref="VersionedFiles.CopyTo"/>). A 10,000-brief site has 10,000 display files, 40 MB of JSON, and a cached
/// build made and hashed them all again for an edit that changed a few hundred.
/// </summary>
/// <param name="sink">Where the last build's records are read.</param>
/// <param name="earlierFolder">The last version's folder, relative to the site, ending in '/'.</param>
internal sealed class KnownFiles(Output.ILinkingSink sink, string earlierFolder)
{
    private const string Prefix = "display:";
    private const int HexDigits = 32;

    private int _found;

    /// <summary>Files found with the same key in the last version.</summary>
    public int Found => _found;

    /// <summary>The record key of a file made from <paramref name="key"/> whose bytes hash to <paramref name="hash"/>.</summary>
    public static string RecordKey(UInt128 key, UInt128 hash) => Prefix + Hex(key) + ":" + Hex(hash);

    /// <summary>
    /// The hash and length of the last version's <paramref name="relativePath"/> (relative to the version's folder) when it
    /// was made from <paramref name="key"/>; null when it was not, or there is none.
    /// </summary>
    public (UInt128 Hash, int Length)? Find(string relativePath, UInt128 key)
    {
        if (sink.EarlierRecord(earlierFolder + relativePath) is not var (recorded, length) || length is < 0 or > int.MaxValue) return null;
        var text = recorded.AsSpan();
        if (text.Length != Prefix.Length + 2 * HexDigits + 1 || !text.StartsWith(Prefix, StringComparison.Ordinal) || text[Prefix.Length + HexDigits] != ':'
            || !TryParse(text.Slice(Prefix.Length, HexDigits), out var madeFrom) || madeFrom != key
            || !TryParse(text[(Prefix.Length + HexDigits + 1)..], out var hash))
            return null;
        Interlocked.Increment(ref _found);
        return (hash, (int)length);
    }

    private static bool TryParse(ReadOnlySpan<char> hex, out UInt128 value) =>
        UInt128.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);

    private static string Hex(UInt128 value)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return Convert.ToHexStringLower(bytes);
    }
}
