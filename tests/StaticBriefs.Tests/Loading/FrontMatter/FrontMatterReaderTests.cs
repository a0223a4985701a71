using StaticBriefs.Diagnostics;
using StaticBriefs.Loading.FrontMatter;

namespace StaticBriefs.Tests.Loading.FrontMatter;

/// <summary>Finding the front matter and its dialect; every reader gives values with file lines and columns.</summary>
public sealed class FrontMatterReaderTests
{
    private static (FrontMatterBlock? Block, IReadOnlyList<Diagnostic> Found) Read(string text)
    {
        var bag = new DiagnosticBag();
        var block = FrontMatterReader.Read(text, "a.md", bag);
        return (block, bag.Sorted());
    }

    private static FrontMatterBlock ReadOk(string text)
    {
        var (block, found) = Read(text);
        Assert.Empty(found);
        return Assert.IsType<FrontMatterBlock>(block);
    }

    private static (string Text, int Line, int Column) At(FrontMatterMap map, string key)
    {
        var value = Assert.IsType<FrontMatterScalar>(map.Find(key)!.Value);
        return (value.Text, value.Line, value.Column);
    }

    [Fact]
    public void File_without_front_matter_is_all_body_with_an_empty_mapping()
    {
        var block = ReadOk("# Hello\n\nText.\n");

        Assert.Equal(FrontMatterDialect.None, block.Dialect);
        Assert.Empty(block.Map.Entries);
        Assert.Equal("# Hello\n\nText.\n", block.Body.ToString());
        Assert.Equal(1, block.BodyFirstLine);
    }

    [Fact]
    public void Yaml_values_have_file_lines_and_columns_and_the_body_starts_after_the_fence()
    {
        var block = ReadOk("---\ntitle: Hi\ndate: 2024-01-02\ntags:\n  - a\n  - b\n---\nBody\n");

        Assert.Equal(FrontMatterDialect.Yaml, block.Dialect);
        Assert.Equal(("Hi", 2, 8), At(block.Map, "title"));
        Assert.Equal(("2024-01-02", 3, 7), At(block.Map, "date"));
        var tags = Assert.IsType<FrontMatterList>(block.Map.Find("tags")!.Value);
        Assert.Equal([(5, 5), (6, 5)], tags.Items.Select(i => (i.Line, i.Column)));
        Assert.Equal((4, 1), (block.Map.Find("tags")!.Line, block.Map.Find("tags")!.Column));
        Assert.Equal("Body\n", block.Body.ToString());
        Assert.Equal(8, block.BodyFirstLine);
    }

    [Fact]
    public void Toml_between_plus_fences_keeps_places_tables_and_native_dates()
    {
        var block = ReadOk("""
            +++
            title = '''Rust's "1.0"'''
            date = 2024-05-14T09:30:00+02:00
            authors = ["A", "B"]

            [taxonomies]
            tags = ["release"]

            [extra]
            team = "Core"

            [[extra.see_also]]
            path = "/x/"

            [[extra.see_also]]
            path = "/y/"
            +++
            Body
            """.ReplaceLineEndings("\n"));

        Assert.Equal(FrontMatterDialect.Toml, block.Dialect);
        Assert.Equal(("Rust's \"1.0\"", 2, 9), At(block.Map, "title"));
        var date = Assert.IsType<FrontMatterScalar>(block.Map.Find("date")!.Value);
        Assert.Equal(("2024-05-14T09:30:00+02:00", ScalarKind.DateTime, 3, 8), (date.Text, date.Kind, date.Line, date.Column));
        Assert.Equal((4, 1), (block.Map.Find("authors")!.Line, block.Map.Find("authors")!.Column));
        var taxonomies = Assert.IsType<FrontMatterMap>(block.Map.Find("taxonomies")!.Value);
        var tag = Assert.IsType<FrontMatterList>(taxonomies.Find("tags")!.Value).Items.Single();
        Assert.Equal((7, 9), (tag.Line, tag.Column));
        var extra = Assert.IsType<FrontMatterMap>(block.Map.Find("extra")!.Value);
        Assert.Equal(("Core", 10, 8), At(extra, "team"));
        var seeAlso = Assert.IsType<FrontMatterList>(extra.Find("see_also")!.Value);
        Assert.Equal(["/x/", "/y/"], seeAlso.Items.Cast<FrontMatterMap>().Select(m => At(m, "path").Text));
        Assert.Equal("Body", block.Body.ToString());
        Assert.Equal(18, block.BodyFirstLine);
    }

    [Fact]
    public void Toml_dotted_keys_and_inline_tables_are_nested_mappings()
    {
        var block = ReadOk("+++\ncover.image = \"a.png\"\nauthor = { name = \"Ada\", url = \"https://a.example\" }\n+++\n");

        var cover = Assert.IsType<FrontMatterMap>(block.Map.Find("cover")!.Value);
        Assert.Equal(("a.png", 2, 15), At(cover, "image"));
        var author = Assert.IsType<FrontMatterMap>(block.Map.Find("author")!.Value);
        Assert.Equal(("Ada", 3, 19), At(author, "name"));
    }

    [Fact]
    public void Invalid_toml_is_SB001_at_the_place_of_the_mistake_saying_how_toml_is_written()
    {
        var (block, found) = Read("+++\ntitle = \"x\"\ndate = \n+++\nBody\n");

        Assert.Null(block);
        var error = Assert.Single(found);
        Assert.Equal((DiagnosticCodes.BadYaml, 3, 8), (error.Code, error.Line, error.Column));
        Assert.Contains("not valid TOML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_toml_key_defined_twice_is_an_error_as_zola_and_hugo_make_it()
    {
        var (block, found) = Read("+++\ntitle = \"x\"\ntitle = \"y\"\n+++\n");

        Assert.Null(block);
        var error = Assert.Single(found);
        Assert.Equal((DiagnosticCodes.BadYaml, 3, 1), (error.Code, error.Line, error.Column));
        Assert.Contains("'title' is defined twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Toml_nested_past_the_limit_is_SB037()
    {
        var (block, found) = Read("+++\nx = " + new string('[', 5000) + new string(']', 5000) + "\n+++\n");

        Assert.Null(block);
        Assert.Equal(DiagnosticCodes.YamlLimit, Assert.Single(found).Code);
    }

    [Fact]
    public void A_leading_json_object_is_front_matter_as_hugo_reads_it()
    {
        var block = ReadOk("{\n  \"title\": \"Hi\",\n  \"tags\": [\"a\", \"b\"],\n  \"draft\": false\n}\nBody\n");

        Assert.Equal(FrontMatterDialect.Json, block.Dialect);
        Assert.Equal(("Hi", 2, 12), At(block.Map, "title"));
        Assert.Equal((2, 3), (block.Map.Find("title")!.Line, block.Map.Find("title")!.Column));
        var draft = Assert.IsType<FrontMatterScalar>(block.Map.Find("draft")!.Value);
        Assert.Equal(ScalarKind.Boolean, draft.Kind);
        Assert.Equal("Body\n", block.Body.ToString());
        Assert.Equal(6, block.BodyFirstLine);
    }

    [Fact]
    public void Eleventy_json_between_dashed_fences_is_read_too()
    {
        var block = ReadOk("---json\n{\n  \"title\": \"Hi\"\n}\n---\nBody\n");

        Assert.Equal(FrontMatterDialect.Json, block.Dialect);
        Assert.Equal(("Hi", 3, 12), At(block.Map, "title"));
        Assert.Equal(6, block.BodyFirstLine);
    }

    [Theory]
    [InlineData("{% include toc.html %}\n\nText\n")]
    [InlineData("{{< figure src=\"a.png\" >}}\n")]
    [InlineData("{{ site.title }}\n")]
    public void A_body_that_starts_with_template_syntax_is_not_taken_for_json(string text)
    {
        var block = ReadOk(text);

        Assert.Equal(FrontMatterDialect.None, block.Dialect);
        Assert.Equal(text, block.Body.ToString());
    }

    [Fact]
    public void Invalid_json_is_SB001_with_its_line()
    {
        var (block, found) = Read("{\n  \"title\": \"Hi\"\n  \"date\": \"2024-01-01\"\n}\n");

        Assert.Null(block);
        var error = Assert.Single(found);
        Assert.Equal((DiagnosticCodes.BadYaml, 3), (error.Code, error.Line));
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Javascript_front_matter_is_refused_with_what_to_write_instead()
    {
        var (block, found) = Read("---js\n{ title: 'x' }\n---\n");

        Assert.Null(block);
        Assert.Contains("write it as YAML", Assert.Single(found).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Jekyll_may_close_yaml_with_three_dots()
    {
        var block = ReadOk("---\ntitle: Hi\n...\nBody\n");

        Assert.Equal(("Hi", 2, 8), At(block.Map, "title"));
        Assert.Equal("Body\n", block.Body.ToString());
    }

    [Theory]
    [InlineData("---\ntitle: Hi\n\nBody without a closing fence\n", "'---'")]
    [InlineData("+++\ntitle = \"Hi\"\n\nBody\n", "'+++'")]
    public void Unclosed_fence_reports_SB010_at_line_1_and_returns_null(string text, string fence)
    {
        var (block, found) = Read(text);

        Assert.Null(block);
        var diagnostic = Assert.Single(found);
        Assert.Equal((DiagnosticCodes.UnclosedFrontMatter, Severity.Error, 1), (diagnostic.Code, diagnostic.Severity, diagnostic.Line));
        Assert.Contains("never closed", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains(fence, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Byte_order_mark_is_ignored_so_the_fence_is_still_seen()
    {
        var block = ReadOk("\uFEFF---\ntitle: Hi\n---\nBody\n");

        Assert.Single(block.Map.Entries);
        Assert.Equal("Body\n", block.Body.ToString());
    }

    [Fact]
    public void Windows_line_endings_are_accepted()
    {
        var block = ReadOk("---\r\ntitle: Hi\r\n---\r\nBody\r\n");

        Assert.Single(block.Map.Entries);
        Assert.Equal("Body\r\n", block.Body.ToString());
        Assert.Equal(4, block.BodyFirstLine);
    }

    [Fact]
    public void Invalid_yaml_reports_SB001_at_the_file_line_of_the_mistake_with_what_to_change()
    {
        var (block, found) = Read("---\ntitle: Hi\nsummary: a: b\n---\nBody\n");

        Assert.Null(block);
        var diagnostic = Assert.Single(found);
        Assert.Equal((DiagnosticCodes.BadYaml, 3), (diagnostic.Code, diagnostic.Line));
        Assert.DoesNotContain("Idx:", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("must be quoted", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Front_matter_that_is_not_a_mapping_reports_SB001()
    {
        var (block, found) = Read("---\n- a\n- b\n---\nBody\n");

        Assert.Null(block);
        Assert.Equal(DiagnosticCodes.BadYaml, Assert.Single(found).Code);
    }
}
