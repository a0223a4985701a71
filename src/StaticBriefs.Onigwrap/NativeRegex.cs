using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Onigwrap;

/// <summary>
/// One pattern of a scanner: its compiled Oniguruma expression (UTF-16, default syntax, capture groups on; shared with
/// other scanners through a <see cref="PatternCache"/>) and the region its searches fill. Used by one thread at a time,
/// as TextMateSharp uses a scanner. The native memory is freed when nothing holds it any more.
/// </summary>
internal sealed partial class NativeRegex
{
    // Oniguruma's onig_new is not safe to call from two threads at once (it sets up shared tables on first use).
    private static readonly object CompileGate = new();

    private readonly Compiled _regex;
    private RegionHandle? _region;

    public NativeRegex(string pattern)
    {
        Pattern = pattern;
        _regex = PatternCache.Compile(Prepare(pattern));
    }

    /// <summary>The pattern as the grammar gave it.</summary>
    public string Pattern { get; }

    /// <summary>False when Oniguruma could not compile the pattern.</summary>
    public bool Valid => !_regex.IsInvalid;

    /// <summary>
    /// Whether <paramref name="text"/> matches at or after <paramref name="offset"/> (to the text's end); the leftmost
    /// match goes into <paramref name="result"/>, a scanner's own, filled again at each search (a new result each time
    /// was most of what highlighting allocated); left as it was when nothing matched.
    /// </summary>
    public unsafe bool Search(ReadOnlySpan<char> text, int offset, SearchResult result)
    {
        if (!Valid) throw new ArgumentException($"Invalid regular expression: {Prepare(Pattern)}");
        _region ??= new RegionHandle(Native.onigwrap_region_new());
        var region = _region.DangerousGetHandle();
        // The region says whether and where it matched (it is cleared first; an error such as a spent retry limit
        // leaves it empty, which reads as no match, as in the package).
        fixed (char* start = text)
            _ = Native.onigwrap_search(_regex.DangerousGetHandle(), start, offset * sizeof(char), text.Length * sizeof(char), region);
        var groups = Native.onigwrap_num_regs(region);
        if (groups <= 0 || Native.onigwrap_pos(region, 0) < 0) return false;
        var (starts, ends) = result.Reset(groups);
        for (var group = 0; group < groups; group++)
        {
            var position = Native.onigwrap_pos(region, group);
            starts[group] = position;
            ends[group] = position + (position == -1 ? 0 : Native.onigwrap_len(region, group));
        }
        return true;
    }

    /// <summary>
    /// The pattern as Oniguruma is given it, rewritten as the package rewrites it: <c>\xHH</c> escapes get braces
    /// (<c>\x{HH}</c>, Oniguruma's form for code points), and the PHP grammar's out-of-range <c>\x{7fffffff}</c> becomes
    /// the largest code point Oniguruma accepts there.
    /// </summary>
    internal static string Prepare(string pattern) =>
        UnbracedHex().Replace(pattern, m => string.Concat("\\x{", m.ValueSpan[2..], "}")).Replace("\\x{7fffffff}", "\\x{7ffff}", StringComparison.Ordinal);

    [GeneratedRegex(@"\\x[A-Fa-f0-9]{2,8}")]
    private static partial Regex UnbracedHex();

    /// <summary>A compiled expression, freed when no scanner or cache holds it.</summary>
    internal sealed class Compiled : SafeHandle
    {
        private Compiled(IntPtr handle) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(handle);

        /// <summary>Compiles <paramref name="source"/>; an invalid pattern gives an invalid handle (searching it throws).</summary>
        public static unsafe Compiled From(string source)
        {
            lock (CompileGate)
            {
                fixed (char* start = source)
                    return new Compiled(Native.onigwrap_create(start, source.Length * sizeof(char), 0, 0));
            }
        }

        public override bool IsInvalid => handle == IntPtr.Zero;

        protected override bool ReleaseHandle()
        {
            Native.onigwrap_free(handle);
            return true;
        }
    }

    private sealed class RegionHandle : SafeHandle
    {
        public RegionHandle(IntPtr handle) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(handle);

        public override bool IsInvalid => handle == IntPtr.Zero;

        protected override bool ReleaseHandle()
        {
            Native.onigwrap_region_free(handle);
            return true;
        }
    }

    /// <summary>The native library's entry points (lengths and offsets in bytes; positions it returns in characters).</summary>
    private static unsafe partial class Native
    {
        private const string Library = "libonigwrap";

        [LibraryImport(Library)]
        public static partial IntPtr onigwrap_create(char* pattern, int length, int ignoreCase, int multiline);

        [LibraryImport(Library)]
        public static partial IntPtr onigwrap_region_new();

        [LibraryImport(Library)]
        public static partial void onigwrap_region_free(IntPtr region);

        [LibraryImport(Library)]
        public static partial void onigwrap_free(IntPtr regex);

        [LibraryImport(Library)]
        public static partial int onigwrap_search(IntPtr regex, char* text, int offset, int length, IntPtr region);

        [LibraryImport(Library)]
        public static partial int onigwrap_num_regs(IntPtr region);

        [LibraryImport(Library)]
        public static partial int onigwrap_pos(IntPtr region, int group);

        [LibraryImport(Library)]
        public static partial int onigwrap_len(IntPtr region, int group);
    }
}
