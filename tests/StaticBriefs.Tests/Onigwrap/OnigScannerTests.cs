using Onigwrap;

namespace StaticBriefs.Tests.Onigwrap;

/// <summary>
/// Our implementation of the Onigwrap API that TextMateSharp runs its grammars through: which pattern wins, where its
/// groups are, what a search from an offset sees, the pattern rewriting the package does, and the assembly identity
/// TextMateSharp binds to.
/// </summary>
public sealed class OnigScannerTests
{
    private static (int Index, (int Start, int End, int Length)[] Groups)? Find(string[] patterns, string text, int offset = 0)
    {
        var match = new OnigScanner(patterns).FindNextMatchSync(text.AsMemory(), offset);
        return match is null ? null : (match.GetIndex(), [.. match.GetCaptureIndices().Select(c => (c.Start, c.End, c.Length))]);
    }

    [Fact]
    public void The_leftmost_match_wins_whatever_the_order_of_the_patterns()
    {
        var found = Find(["b", "a"], "xab");

        Assert.Equal(1, found?.Index);
        Assert.Equal((1, 2, 1), found?.Groups[0]);
    }

    [Fact]
    public void Patterns_matching_at_the_same_place_go_to_the_one_listed_first()
    {
        Assert.Equal(0, Find(["ab", "a"], "xab")?.Index);
        Assert.Equal((1, 3, 2), Find(["ab", "a"], "xab")?.Groups[0]);
        Assert.Equal(0, Find(["a", "ab"], "xab")?.Index);
        Assert.Equal((1, 2, 1), Find(["a", "ab"], "xab")?.Groups[0]);
    }

    [Fact]
    public void A_search_starts_at_its_offset_where_a_G_anchor_holds()
    {
        Assert.Null(Find(["\\Gb"], "ab", 0));
        Assert.Equal((1, 2, 1), Find(["\\Gb"], "ab", 1)?.Groups[0]);
        Assert.Null(Find(["a"], "ab", 1));
    }

    [Fact]
    public void A_group_that_took_no_part_reads_as_empty_at_zero()
    {
        var groups = Find(["(x)?(a)(b)"], "zab")?.Groups ?? [];

        Assert.Equal([(1, 3, 2), (0, 0, 0), (1, 2, 1), (2, 3, 1)], groups);
    }

    [Fact]
    public void The_same_line_searched_again_from_further_on_finds_what_lies_there()
    {
        var scanner = new OnigScanner(["a", "c"]);
        var line = "a b a c".AsMemory();

        Assert.Equal((0, 0), Place(scanner.FindNextMatchSync(line, 0)));
        // The first pattern's last match (at 0) is behind the new offset: it must search again.
        Assert.Equal((0, 4), Place(scanner.FindNextMatchSync(line, 1)));
        Assert.Equal((1, 6), Place(scanner.FindNextMatchSync(line, 5)));
        Assert.Null(scanner.FindNextMatchSync(line, 7));
        // Another line with the same text is searched on its own.
        Assert.Equal((0, 0), Place(scanner.FindNextMatchSync("a b a c".ToCharArray().AsMemory(), 0)));
        Assert.Equal((0, 2), Place(scanner.FindNextMatchSync("b a".AsMemory(), 0)));

        static (int, int)? Place(IOnigNextMatchResult? match) => match is null ? null : (match.GetIndex(), match.GetCaptureIndices()[0].Start);
    }

    [Fact]
    public void A_match_given_out_keeps_its_groups_while_the_scanner_searches_on()
    {
        // Each pattern fills one result again at every search: what was handed out before must not change with it.
        var scanner = new OnigScanner(["(a)(b)?", "c"]);
        var first = scanner.FindNextMatchSync("xab".AsMemory(), 0)!;
        var groups = first.GetCaptureIndices();

        var second = scanner.FindNextMatchSync("a".AsMemory(), 0)!;
        _ = scanner.FindNextMatchSync("zzzc".AsMemory(), 0);
        Assert.Null(scanner.FindNextMatchSync("zzz".AsMemory(), 0));

        Assert.Equal([(1, 3), (1, 2), (2, 3)], groups.Select(g => (g.Start, g.End)));
        Assert.Equal([(1, 3), (1, 2), (2, 3)], first.GetCaptureIndices().Select(g => (g.Start, g.End)));
        Assert.Equal([(0, 1), (0, 1), (0, 0)], second.GetCaptureIndices().Select(g => (g.Start, g.End)));
    }

    [Fact]
    public void Hex_escapes_get_braces_and_the_out_of_range_code_point_of_PHP_is_brought_in_range()
    {
        Assert.Equal((1, 3, 2), Find(["\\x41+"], "zAA")?.Groups[0]);
        // Oniguruma rejects this range as written; the package (and so every grammar) gets it rewritten.
        Assert.Equal((0, 1, 1), Find(["[\\x{0}-\\x{7fffffff}]"], "z")?.Groups[0]);
    }

    [Fact]
    public void An_invalid_pattern_fails_when_searched_as_in_the_package()
    {
        var scanner = new OnigScanner(["(unclosed"]);

        var error = Assert.Throws<ArgumentException>(() => scanner.FindNextMatchSync("text".AsMemory(), 0));
        Assert.Contains("(unclosed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_assembly_has_the_identity_TextMateSharp_was_built_against()
    {
        var ours = typeof(OnigScanner).Assembly.GetName();
        var wanted = typeof(TextMateSharp.Grammars.IGrammar).Assembly.GetReferencedAssemblies().Single(a => a.Name == "Onigwrap");

        Assert.Equal(wanted.Version, ours.Version);
        Assert.Equal(Convert.ToHexString(wanted.GetPublicKeyToken()!), Convert.ToHexString(ours.GetPublicKeyToken()!));
        // And it is ours, not the package's: only ours has the memo this project relies on for speed.
        Assert.Equal("StaticBriefs.Onigwrap", typeof(OnigScanner).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyProductAttribute), false)
            .Cast<System.Reflection.AssemblyProductAttribute>().Single().Product);
    }
}
