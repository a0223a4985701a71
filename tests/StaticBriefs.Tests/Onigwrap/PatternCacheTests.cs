using Onigwrap;

namespace StaticBriefs.Tests.Onigwrap;

/// <summary>
/// Scanners made while a <see cref="PatternCache"/> is entered compile each distinct pattern once between them, find
/// what scanners of their own would, and the cache applies to its thread only, until its scope ends.
/// </summary>
public sealed class PatternCacheTests
{
    private static (int Index, int Start)? Place(OnigScanner scanner, string text, int offset = 0) =>
        scanner.FindNextMatchSync(text.AsMemory(), offset) is { } match ? (match.GetIndex(), match.GetCaptureIndices()[0].Start) : null;

    [Fact]
    public void Scanners_made_in_a_scope_compile_each_pattern_once_and_match_as_scanners_of_their_own()
    {
        var cache = new PatternCache();
        OnigScanner first, second;
        using (cache.Enter())
        {
            first = new OnigScanner(["b+", "(a)(c)?"]);
            second = new OnigScanner(["(a)(c)?", "x", "b+"]);
        }
        var alone = new OnigScanner(["(a)(c)?", "x", "b+"]);

        Assert.Equal(3, cache.Count);
        foreach (var (text, offset) in new[] { ("zab", 0), ("bba", 0), ("bba", 2), ("xyz", 1), ("", 0) })
        {
            Assert.Equal(Place(alone, text, offset), Place(second, text, offset));
            var groups = second.FindNextMatchSync(text.AsMemory(), offset)?.GetCaptureIndices().Select(c => (c.Start, c.End));
            var expected = alone.FindNextMatchSync(text.AsMemory(), offset)?.GetCaptureIndices().Select(c => (c.Start, c.End));
            Assert.Equal(expected?.ToList(), groups?.ToList());
        }
        // Sharing a compiled pattern shares no search state: each scanner's memo and region are its own.
        Assert.Equal((1, 1), Place(first, "zab"));
        Assert.Equal((0, 1), Place(second, "zab"));
        Assert.Equal((0, 0), Place(first, "bab"));
    }

    [Fact]
    public void Outside_its_scope_and_on_other_threads_a_cache_is_not_used()
    {
        var cache = new PatternCache();
        var inner = new PatternCache();
        using (cache.Enter())
        {
            _ = new OnigScanner(["a"]);
            using (inner.Enter()) _ = new OnigScanner(["b", "c"]);
            // The outer cache is back once the inner scope ends.
            _ = new OnigScanner(["d"]);
            var other = new Thread(() => _ = new OnigScanner(["e"]));
            other.Start();
            other.Join();
        }
        _ = new OnigScanner(["f"]);

        Assert.Equal(2, cache.Count);
        Assert.Equal(2, inner.Count);
    }
}
