using StaticBriefs.Diagnostics;
using StaticBriefs.Loading.FrontMatter;

namespace StaticBriefs.Tests.Loading.FrontMatter;

/// <summary>
/// YAML that Ruby's libyaml (Jekyll), Go's yaml (Hugo) and PyYAML read and YamlDotNet refuses is read as they read
/// it (each case was checked against PyYAML 6.0 and Hugo 0.111); what they all refuse gets a message saying what to change.
/// </summary>
public sealed class LenientYamlTests
{
    private static (FrontMatterMap? Map, IReadOnlyList<Diagnostic> Found) Read(string yaml)
    {
        var bag = new DiagnosticBag();
        var map = YamlFrontMatterReader.Read(yaml.ReplaceLineEndings("\n"), "a.md", 2, bag);
        return (map, bag.Sorted());
    }

    private static FrontMatterValue Value(FrontMatterMap? map, string key) => Assert.IsType<FrontMatterMap>(map).Find(key)!.Value;

    private static string Text(FrontMatterMap? map, string key) => Assert.IsType<FrontMatterScalar>(Value(map, key)).Text;

    [Fact]
    public void Double_quoted_value_continued_at_column_0_is_folded_as_other_parsers_fold_it()
    {
        var (map, found) = Read("title: \"A long\ntitle here\"\ndate: 2024-01-01\n");

        Assert.Empty(found);
        Assert.Equal("A long title here", Text(map, "title"));
        var date = Assert.IsType<FrontMatterScalar>(Value(map, "date"));
        Assert.Equal((4, 7), (date.Line, date.Column));
    }

    [Fact]
    public void Continuation_at_column_0_works_inside_lists_nested_mappings_and_with_escaped_breaks()
    {
        var (map, found) = Read("tags:\n  - \"a long\ntag\"\n  - b\nauthor:\n  name: \"Ada\nLovelace\"\nsummary: \"one\\\ntwo\"\n");

        Assert.Empty(found);
        Assert.Equal(["a long tag", "b"], Assert.IsType<FrontMatterList>(Value(map, "tags")).Items.Cast<FrontMatterScalar>().Select(s => s.Text));
        Assert.Equal("Ada Lovelace", Text(Assert.IsType<FrontMatterMap>(Value(map, "author")), "name"));
        Assert.Equal("onetwo", Text(map, "summary"));
    }

    [Fact]
    public void A_bracketed_list_continued_at_column_0_is_read_and_keeps_its_columns()
    {
        var (map, found) = Read("tags: [alpha,\nbeta]\ntitle: x\n");

        Assert.Empty(found);
        var items = Assert.IsType<FrontMatterList>(Value(map, "tags")).Items;
        Assert.Equal(["alpha", "beta"], items.Cast<FrontMatterScalar>().Select(s => s.Text));
        Assert.Equal((3, 1), (items[1].Line, items[1].Column));
    }

    [Fact]
    public void Text_that_parses_as_written_is_never_repaired()
    {
        Assert.Null(LenientYaml.Repair("title: \"A long\n  title here\"\n") is { } r && r.Text.Contains("    ", StringComparison.Ordinal) ? r : null);
        var (map, _) = Read("summary: |\n  keep\n\n  \"this\nas written\n");
        Assert.Null(map);
    }

    [Fact]
    public void A_key_written_twice_keeps_the_last_value_with_a_warning_naming_both_lines()
    {
        var (map, found) = Read("title: x\nredirect_from: /a/\nredirect_from: /b/\n");

        Assert.Equal("/b/", Text(map, "redirect_from"));
        var warning = Assert.Single(found);
        Assert.Equal((Severity.Warning, DiagnosticCodes.DuplicateKey, 4, 1), (warning.Severity, warning.Code, warning.Line, warning.Column));
        Assert.Contains("also on line 3", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicates_inside_nested_mappings_are_warnings_too()
    {
        var (map, found) = Read("y:\n  a: 1\n  a: 2\n");

        Assert.Equal("2", Text(Assert.IsType<FrontMatterMap>(Value(map, "y")), "a"));
        Assert.Equal(DiagnosticCodes.DuplicateKey, Assert.Single(found).Code);
    }

    [Fact]
    public void Lines_of_only_spaces_and_tabs_are_blank_lines()
    {
        var (map, found) = Read("title: x\n\t \ndate: 2024-01-01\n");

        Assert.Empty(found);
        Assert.Equal("2024-01-01", Text(map, "date"));
    }

    [Fact]
    public void Merge_keys_bring_in_the_anchored_mapping_without_overriding_own_keys()
    {
        var (map, found) = Read("base: &b\n  author: Ada\n  layout: post\npost:\n  <<: *b\n  layout: page\n");

        Assert.Empty(found);
        var post = Assert.IsType<FrontMatterMap>(Value(map, "post"));
        Assert.Equal(("Ada", "page"), (Text(post, "author"), Text(post, "layout")));
    }

    [Theory]
    [InlineData("title: A long\ntitle here\n", 3, "indent the continuation lines")]
    [InlineData("tags:\n\t- a\n", 3, "replace the tabs")]
    [InlineData("title: Rust: the book\n", 2, "must be quoted")]
    [InlineData("title: @handle\n", 2, "put the whole value in quotes")]
    [InlineData("title: \"never closed\n", 2, "never closed")]
    public void What_every_parser_refuses_says_what_to_change(string yaml, int line, string advice)
    {
        var (map, found) = Read(yaml);

        Assert.Null(map);
        var error = Assert.Single(found);
        Assert.Equal((DiagnosticCodes.BadYaml, line), (error.Code, error.Line));
        Assert.Contains(advice, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_alias_limits_still_hold_and_are_not_retried()
    {
        var (map, found) = Read(Hostile.FrontMatterAndYamlCases.Bomb() + "\n");

        Assert.Null(map);
        Assert.Equal(DiagnosticCodes.YamlLimit, Assert.Single(found).Code);
    }

    [Fact]
    public void Plain_scalars_are_typed_by_the_yaml_core_schema_and_keep_their_text()
    {
        var (map, _) = Read("a: 3.0\nb: 12\nc: yes\nd: ~\ne: 2024-05-14\nf: '12'\ng: hello\n");

        Assert.Equal(
            [("3.0", ScalarKind.Float), ("12", ScalarKind.Integer), ("yes", ScalarKind.Boolean), ("~", ScalarKind.Null), ("2024-05-14", ScalarKind.DateTime), ("12", ScalarKind.Text), ("hello", ScalarKind.Text)],
            map!.Entries.Select(e => e.Value).Cast<FrontMatterScalar>().Select(s => (s.Text, s.Kind)));
    }
}
