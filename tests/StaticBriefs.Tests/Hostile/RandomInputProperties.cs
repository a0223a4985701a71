using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;
using StaticBriefs.Model;
using StaticBriefs.Rendering.Markdown;
using StaticBriefs.Text;

namespace StaticBriefs.Tests.Hostile;

/// <summary>YAML-ish text made of the pieces that break parsers: anchors, aliases, tags, flow brackets, odd keys.</summary>
public sealed record YamlishText(string Text)
{
    public override string ToString() => Text;
}

/// <summary>Markdown made of nesting markers, delimiters, raw HTML and script URLs.</summary>
public sealed record MarkdownishText(string Text)
{
    public override string ToString() => Text;
}

/// <summary>Generators for <see cref="RandomInputProperties"/>.</summary>
public static class HostileArbitraries
{
    private static readonly string[] Keys =
        ["title", "date", "summary", "companies", "people", "topics", "sources", "slug", "draft", "nav", "layout", "updated",
         "author", "name", "aliases", "website", "base_url", "page_size", "allow_html", "x", "<<", "? ", "- ", "'q'", "\"k\"", "&a k", "*a", "!!str k", ""];

    private static readonly string[] Values =
        ["", "plain", "2024-05-14", "2024-13-45", "true", "maybe", "~", "null", "12", "-1", "[a, b]", "{a: 1}", "[", "]", "{", "}", ",", "&a",
         "&a [*a]", "*a", "*b", "&b {k: *a}", "!!binary aGk=", "!custom x", "|", ">", "|-\n  text", "\"esc \\0 \\e \\u00e9 \\\"\"", "'it''s'",
         "javascript:alert(1)", "\"java\\tscript:x\"", "&#106;avascript:x", "# comment", "a: b", "- item", "? [x]\n: y", "---", "...", "%YAML 1.2",
         "\t", "Zoë 🚀", "\u202Eevil", "[[[[[[[[", "]]]]]]]]", "{{{{", "a,b", "\"unclosed", "'unclosed", "@at", "`tick`", "%percent"];

    private static Gen<string> Indent() => Gen.Elements("", "", "", " ", "  ", "    ", "\t", "      ");

    private static Gen<string> Repeated(string piece) => Gen.Choose(1, 300).Select(n => string.Concat(Enumerable.Repeat(piece, n)));

    private static Gen<string> YamlLine() =>
        Gen.Frequency(
            (8, from indent in Indent() from key in Gen.Elements(Keys) from value in Gen.Elements(Values) select $"{indent}{key}: {value}"),
            (3, from indent in Indent() from value in Gen.Elements(Values) select $"{indent}- {value}"),
            (1, from piece in Gen.Elements("[", "{", "- ", "? ", "&x [", "*x, ") from repeated in Repeated(piece) select "deep: " + repeated),
            (1, Gen.Elements(Values)));

    /// <summary>Well-formed lines with distinct keys (so the document loader, not only the parser, is exercised).</summary>
    private static Gen<string> Structured() =>
        from keys in Gen.Shuffle(Keys.Where(k => k.Length > 0 && char.IsLetter(k[0])).ToArray())
        from count in Gen.Choose(1, keys.Length)
        from values in Gen.ArrayOf(Gen.Elements(Values), count)
        select string.Join('\n', keys.Take(count).Zip(values, (key, value) => $"{key}: {value}"));

    public static Arbitrary<YamlishText> Yamlish() =>
        Gen.Frequency(
                (2, Structured()),
                (1, Gen.ListOf(YamlLine()).Select(lines => string.Join('\n', lines))))
            .Select(text => new YamlishText(text))
            .ToArbitrary();

    private static readonly string[] MarkdownPieces =
        ["> ", "- ", "1. ", "* ", "+ ", "_", "__", "*", "**", "~~", "`", "```\n", "[", "](", ")", "![", "]: ", "<", ">", "</div>", "<div>\n",
         "<a href=\"javascript:alert(1)\">", "<img/src=&#106;avascript:x>", "&#106;", "&amp;", "# ", "| a | b |\n|---|---|\n", "---\n", ":::\n",
         "[^1]", "[^1]: ", "\n", "\n\n", "    ", "\t", "http://example.org", "<javascript:alert(1)>", "{onclick=x}", "{href=javascript:x}",
         "word ", "Zoë ", "\\", "$", "^", "=", "\r\n", "\u0000", "[x](/briefs/nowhere/)", "[y](other.md)", "![i](data:image/png;base64,AA)"];

    public static Arbitrary<MarkdownishText> Markdownish() =>
        Gen.ListOf(Gen.Frequency(
                (12, Gen.Elements(MarkdownPieces)),
                (1, from piece in Gen.Elements(">", "- ", "*", "[", "> - ", "_", "<div>") from repeated in Repeated(piece) select repeated)))
            .Select(pieces => new MarkdownishText(string.Concat(pieces)))
            .ToArbitrary();
}

/// <summary>
/// Random front matter, data files, settings and markdown never crash and never give an internal error: whatever
/// the text, the readers return and report SB diagnostics only, within a bounded allocation per case.
/// </summary>
public sealed partial class RandomInputProperties
{
    private const long MaxAllocatedPerCase = 200L * 1024 * 1024;

    [GeneratedRegex(@"^SB0\d\d$")]
    private static partial Regex Code();

    private static void AssertOnlySbDiagnostics(DiagnosticBag diagnostics)
    {
        foreach (var diagnostic in diagnostics.Sorted())
        {
            Assert.Matches(Code(), diagnostic.Code);
            Assert.False(string.IsNullOrWhiteSpace(diagnostic.Message));
            Assert.True(diagnostic.Line >= 0 && diagnostic.Column >= 0);
        }
    }

    private static void Bounded(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < MaxAllocatedPerCase, $"allocated {allocated:N0} bytes");
    }

    [Property(Arbitrary = [typeof(HostileArbitraries)], MaxTest = 400)]
    public void Random_front_matter_gives_a_document_or_SB_diagnostics(YamlishText yaml)
    {
        var diagnostics = new DiagnosticBag();
        Bounded(() => DocumentLoader.Load("---\n" + yaml.Text + "\n---\nBody\n", "briefs/x.md", diagnostics));
        AssertOnlySbDiagnostics(diagnostics);
    }

    [Property(Arbitrary = [typeof(HostileArbitraries)], MaxTest = 300)]
    public void Random_data_files_and_settings_give_values_or_SB_diagnostics(YamlishText yaml)
    {
        var diagnostics = new DiagnosticBag();
        Bounded(() =>
        {
            _ = EntityDataLoader.LoadFile(yaml.Text, "_data/companies.yml", TaxonomyKind.Companies, diagnostics).ToList();
            _ = SiteSettingsLoader.Parse(yaml.Text, diagnostics);
        });
        AssertOnlySbDiagnostics(diagnostics);
    }

    [Property(Arbitrary = [typeof(HostileArbitraries)], MaxTest = 300)]
    public void Random_markdown_renders_or_gives_SB_diagnostics_with_or_without_raw_html(MarkdownishText markdown)
    {
        foreach (var allowHtml in new[] { false, true })
        {
            var diagnostics = new DiagnosticBag();
            var renderer = new MarkdownRenderer(MarkdownPipelineFactory.Create(new MarkdownOptions(allowHtml)),
                new LinkContext("/", new HashSet<string>(), new Dictionary<string, string>(), new HashSet<string>()));
            Bounded(() => renderer.Render(markdown.Text, "briefs/x.md", 6, diagnostics));
            AssertOnlySbDiagnostics(diagnostics);
        }
    }

    [Property(MaxTest = 1000)]
    public void No_url_the_policy_allows_starts_with_a_script_scheme_once_decoded(string? url)
    {
        if (url is null || !UrlPolicy.IsAllowed(url)) return;
        var seen = new string([.. System.Net.WebUtility.HtmlDecode(url).Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]).ToLowerInvariant();
        Assert.False(seen.StartsWith("javascript:", StringComparison.Ordinal) || seen.StartsWith("vbscript:", StringComparison.Ordinal)
            || seen.StartsWith("data:", StringComparison.Ordinal), url);
    }
}
