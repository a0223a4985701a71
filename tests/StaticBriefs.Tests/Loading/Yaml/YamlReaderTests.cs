using StaticBriefs.Diagnostics;
using StaticBriefs.Loading.Yaml;
using YamlDotNet.RepresentationModel;

namespace StaticBriefs.Tests.Loading.Yaml;

/// <summary>The YAML limits: cycles, bombs, depth and keys stop at the event that breaks them, with the place.</summary>
public sealed class YamlReaderTests
{
    private static (bool Ok, YamlNode? Root, IReadOnlyList<Diagnostic> Found) Load(string yaml, int firstLine = 1)
    {
        var diagnostics = new DiagnosticBag();
        var ok = YamlReader.TryLoad(yaml, "f.yml", firstLine, DiagnosticCodes.BadData, "file is", diagnostics, out var root);
        return (ok, root, diagnostics.Sorted());
    }

    private static Diagnostic Single(string yaml, int firstLine = 1)
    {
        var (ok, _, found) = Load(yaml, firstLine);
        Assert.False(ok);
        return Assert.Single(found);
    }

    [Fact]
    public void An_alias_inside_its_own_anchor_is_SB037_at_the_alias()
    {
        var error = Single("x: &a [*a]\n", firstLine: 2);
        Assert.Equal((2, 8, DiagnosticCodes.YamlLimit), (error.Line, error.Column, error.Code));
        Assert.Contains("*a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapping_that_refers_to_itself_is_SB037_too()
    {
        var error = Single("m: &m\n  k: *m\n");
        Assert.Equal((2, 6, DiagnosticCodes.YamlLimit), (error.Line, error.Column, error.Code));
    }

    [Fact]
    public void An_alias_bomb_stops_early_without_expanding()
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        var error = Single(Hostile.FrontMatterAndYamlCases.Bomb() + "\n");

        Assert.Equal((6, 8, DiagnosticCodes.YamlLimit), (error.Line, error.Column, error.Code));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 100L * 1024 * 1024, "the bomb must not be expanded");
    }

    [Fact]
    public void Nesting_past_the_limit_is_SB037_where_it_goes_too_deep()
    {
        var error = Single("x: " + new string('[', 200_000) + new string(']', 200_000) + "\n");
        Assert.Equal((1, 4 + YamlLimits.MaxDepth - 1, DiagnosticCodes.YamlLimit), (error.Line, error.Column, error.Code));
    }

    [Fact]
    public void An_alias_that_would_nest_too_deep_once_expanded_is_SB037()
    {
        var deep = new string('[', 20) + new string(']', 20);
        var error = Single($"a: &a {deep}\nb: {new string('[', 15)}*a{new string(']', 15)}\n");
        Assert.Equal((2, 19, DiagnosticCodes.YamlLimit), (error.Line, error.Column, error.Code));
    }

    [Theory]
    [InlineData("? [a, b]\n: c\n", 1, 3)]
    [InlineData("x:\n  ? {a: 1}\n  : c\n", 2, 5)]
    [InlineData("k: &k [1]\n*k : v\n", 2, 1)]
    [InlineData("[a]: b\n", 1, 1)]
    public void A_key_that_is_not_text_is_SB038(string yaml, int line, int column)
    {
        var error = Single(yaml);
        Assert.Equal((line, column, DiagnosticCodes.YamlKey), (error.Line, error.Column, error.Code));
    }

    [Fact]
    public void Syntax_errors_keep_the_caller_code_and_the_place()
    {
        var error = Single("a: 1\nb: [\n", firstLine: 2);
        Assert.Equal(DiagnosticCodes.BadData, error.Code);
        Assert.StartsWith("file is not valid YAML (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_alias_is_reported_where_it_is_written()
    {
        var error = Single("a: 1\nb: *nope\n");
        Assert.Equal((2, 4, DiagnosticCodes.BadData), (error.Line, error.Column, error.Code));
    }

    [Fact]
    public void Ordinary_anchors_aliases_and_text_keys_still_load()
    {
        var (ok, root, found) = Load("base: &b {x: 1, y: [a, b]}\nother: *b\nk: &k key\n*k : v\n");

        Assert.True(ok, string.Join('\n', found));
        var mapping = Assert.IsType<YamlMappingNode>(root);
        Assert.Same(mapping["base"], mapping["other"]);
        var plain = Assert.IsType<Dictionary<string, object?>>(YamlNodes.ToPlain(mapping));
        Assert.Equal("v", plain["key"]);
    }

    [Fact]
    public void Many_aliases_of_small_nodes_stay_under_the_budget()
    {
        var yaml = "a: &a x\nlist: [" + string.Join(", ", Enumerable.Repeat("*a", 50_000)) + "]\n";
        var (ok, _, found) = Load(yaml);
        Assert.True(ok, string.Join('\n', found));
    }
}
