using System.Net;
using System.Text.RegularExpressions;
using StaticBriefs.Rendering.Markdown.Highlighting;

namespace StaticBriefs.Tests.Rendering.Markdown;

/// <summary>The highlighter on its own: languages, token classes, escaping, and the guards against costly input.</summary>
public sealed partial class SyntaxHighlighterTests
{
    private static readonly SyntaxHighlighter Highlighter = new();

    [Fact]
    public void Each_grammar_is_parsed_once_and_every_worker_gets_a_copy_that_highlights_alike()
    {
        var highlighter = new SyntaxHighlighter();
        var first = highlighter.NewGrammarSet().Grammar("source.js")!;
        var parsed = highlighter.GrammarsParsed;
        var second = highlighter.NewGrammarSet().Grammar("source.js")!;

        Assert.Equal(parsed, highlighter.GrammarsParsed);
        Assert.True(parsed >= 1, $"{parsed} grammars parsed");
        Assert.NotSame(first, second);
        const string line = "const a = `x${b}`; // note";
        static string[] Scopes(TextMateSharp.Grammars.IGrammar grammar, string text) =>
            [.. grammar.TokenizeLine(text).Tokens.Select(t => $"{t.StartIndex}:{string.Join(' ', t.Scopes)}")];
        Assert.Equal(Scopes(first, line), Scopes(second, line));
    }

    [Theory]
    [InlineData("source.rust", "fn main() { let s = \"x\"; for i in 0..3 { println!(\"{}\", i); } } // done")]
    [InlineData("source.js", "const a = typeof b === 'string' ? `x${b}` : 42; /* note */")]
    public void A_set_keeps_each_scope_s_class_once_found_and_writes_what_the_rules_alone_write(string scope, string line)
    {
        var set = Highlighter.NewGrammarSet();
        var grammar = set.Grammar(scope)!;
        string Write(Dictionary<string, string?>? classes)
        {
            var html = new System.Text.StringBuilder();
            new SyntaxHighlighter.LineWriter(html, System.Diagnostics.Stopwatch.StartNew(), TimeSpan.FromMinutes(1), null, classes).WriteAll(grammar, [line, line]);
            return html.ToString();
        }

        var kept = new Dictionary<string, string?>(StringComparer.Ordinal);
        Assert.Equal(Write(null), Write(kept));
        // Every scope the tokens carried was looked up once and kept, with the class the rules give it (null for none).
        var scopes = grammar.TokenizeLine(line).Tokens.SelectMany(t => t.Scopes).Distinct().ToList();
        Assert.Contains(kept, k => k.Value is not null);
        Assert.All(kept, k => Assert.Contains(k.Key, scopes));
        Assert.All(kept, k => Assert.Equal(TokenClasses.For([k.Key], "in"), k.Value is "o" ? "ow" : k.Value));
    }

    [Fact]
    public void Scopes_past_the_most_a_set_keeps_are_classed_each_time_and_not_kept()
    {
        var kept = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < TokenClasses.MaxKnownScopes; i++) kept[$"string.unquoted.heredoc.end{i}"] = "s";

        Assert.Equal("k", TokenClasses.For(["source.rust", "keyword.control.rust"], "fn", kept));
        Assert.Equal(TokenClasses.MaxKnownScopes, kept.Count);
        Assert.False(kept.ContainsKey("keyword.control.rust"));
    }

    private const string MarkdownWithoutFences =
        "---\ntitle: World\n---\n# Hello, {{ title | editable }}\n\nSome *emphasis*, **bold**, `code`, a [link](https://example.org) and <b>html</b>.\n\n" +
        "- a list item\n  1. nested\n> a quote\n\n    indented code\n\n<div class=\"x\">\n<script>const a = 1;</script>\n</div>\n\nSetext\n===\n";

    [Theory]
    [InlineData("source.rust", "fn a() {\n    let s = \"\n}\n\";\n}\nfn b() {\n}\n    let s = \"\n}\n\";")]
    [InlineData("source.python", "def f():\n    return \"\"\"\n    return 1\n\"\"\"\n    return 1\n# x\n\"\"\"\n# x\n\"\"\"")]
    [InlineData("source.yaml", "key: |\n  key: value\nkey: value\nlist:\n  - key: value\n  key: value")]
    public void A_line_met_again_in_the_same_state_is_copied_and_every_block_reads_as_highlighted_afresh(string scope, string code)
    {
        // The same text in another state (a brace inside a string, then outside) must not be copied from the first.
        var lines = code.Split('\n');
        var set = Highlighter.NewGrammarSet();
        var grammar = set.Grammar(scope)!;
        string Highlight(TextMateSharp.Grammars.IGrammar with, LineMemo? memo)
        {
            var html = new System.Text.StringBuilder();
            new SyntaxHighlighter.LineWriter(html, System.Diagnostics.Stopwatch.StartNew(), TimeSpan.FromMinutes(1), memo).WriteAll(with, lines);
            return html.ToString();
        }
        var afresh = Highlight(Highlighter.NewGrammarSet().Grammar(scope)!, null);

        var first = Highlight(grammar, set.Lines);
        var again = Highlight(grammar, set.Lines);

        Assert.Equal(afresh, first);
        Assert.Equal(afresh, again);
        // The second time every line is copied.
        Assert.True(set.Lines.Hits >= lines.Length, $"{set.Lines.Hits} lines copied of {2 * lines.Length}");
    }

    [Fact]
    public void The_memos_of_one_highlighter_keep_lines_up_to_their_shared_capacity_and_then_stop_growing()
    {
        var highlighter = new SyntaxHighlighter();
        var (rust, yaml) = (highlighter.NewGrammarSet(), highlighter.NewGrammarSet());
        var (rustGrammar, yamlGrammar) = (rust.Grammar("source.rust")!, yaml.Grammar("source.yaml")!);

        for (var i = 0; i < LineMemo.Capacity - 10; i++) rust.Lines.Add(rustGrammar, "", $"let x{i} = {i};", "<span>x</span>", null);
        for (var i = 0; i < 100; i++) yaml.Lines.Add(yamlGrammar, "", $"x{i}: {i}", "<span>x</span>", null);
        rust.Lines.Add(rustGrammar, "", "let y = 1;", "<span>y</span>", null);

        Assert.Equal(LineMemo.Capacity - 10, rust.Lines.Count);
        Assert.Equal(10, yaml.Lines.Count);
        Assert.True(rust.Lines.TryGet(rustGrammar, "", "let x0 = 0;", out _, out _));
        Assert.True(yaml.Lines.TryGet(yamlGrammar, "", "x9: 9", out _, out _));
        Assert.False(yaml.Lines.TryGet(yamlGrammar, "", "x10: 10", out _, out _));
        Assert.False(rust.Lines.TryGet(rustGrammar, "", "let y = 1;", out _, out _));
    }

    [Fact]
    public void Each_language_gets_one_grammar_set_when_its_blocks_come_one_after_another()
    {
        // Compiling a grammar costs far more than highlighting a block with it: workers share one set a language.
        var highlighter = new SyntaxHighlighter();
        string[] blocks = ["yaml", "rust", "yaml", "console", "sh", "rust", "bash"];

        foreach (var language in blocks) Assert.NotNull(highlighter.Highlight(language, "a: 1\n$ echo \"x\"\nfn f() {}"));

        Assert.Equal(1, highlighter.SetsMadeFor("source.yaml"));
        Assert.Equal(1, highlighter.SetsMadeFor("source.rust"));
        // Console sessions are highlighted with the shell's grammar, in the shell's set.
        Assert.Equal(1, highlighter.SetsMadeFor(OwnGrammars.Shell));
    }

    [Fact]
    public void Workers_highlighting_one_language_at_once_write_what_one_worker_writes()
    {
        var code = string.Join('\n', Enumerable.Range(0, 40).Select(i => $"key{i % 7}:\n  - name: \"v{i}\" # note {i % 3}\n  list: [a, {i}]"));
        var alone = new SyntaxHighlighter().Highlight("yaml", code);
        var highlighter = new SyntaxHighlighter();

        var results = new string?[32];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[i] = highlighter.Highlight("yaml", code));

        Assert.NotNull(alone);
        Assert.All(results, html => Assert.Equal(alone, html));
        Assert.InRange(highlighter.SetsMadeFor("source.yaml"), 1, 4);
    }

    [Fact]
    public void States_that_differ_have_different_keys_and_the_start_of_a_block_has_its_own()
    {
        var set = Highlighter.NewGrammarSet();
        var grammar = set.Grammar("source.rust")!;
        var top = grammar.TokenizeLine("fn a() {").RuleStack;
        var inString = grammar.TokenizeLine("let s = \"", top, TimeSpan.FromSeconds(10)).RuleStack;

        Assert.Equal("", set.Lines.KeyOf(null));
        Assert.NotEqual(set.Lines.KeyOf(top), set.Lines.KeyOf(inString));
        Assert.Equal(set.Lines.KeyOf(top), set.Lines.KeyOf(grammar.TokenizeLine("fn b() {").RuleStack));
    }

    [Fact]
    public void Markdown_without_a_fence_line_loads_none_of_its_fenced_blocks_languages()
    {
        var highlighter = new SyntaxHighlighter();
        Assert.NotNull(highlighter.Highlight("md", MarkdownWithoutFences));
        var fenceless = highlighter.GrammarsParsed;

        var nested = new SyntaxHighlighter();
        var html = nested.Highlight("md", "Some code:\n\n```js\nconst a = 1;\n```\n")!;

        // Markdown's fenced blocks include 53 languages, each parsed and compiled when markdown loads (90 ms for a blog's
        // one block); without a fence line only what its other rules include loads (HTML with its CSS and scripts, YAML).
        Assert.InRange(fenceless, 1, 12);
        Assert.True(nested.GrammarsParsed > 40, $"{nested.GrammarsParsed} grammars parsed");
        // A block with a fence of its own gets the whole grammar: the fenced code is highlighted as its language.
        Assert.Matches("<span class=\"[^\"]+\">const ?</span>", html);
    }

    [Fact]
    public void Markdown_without_a_fence_line_highlights_the_same_with_or_without_its_fenced_blocks_languages()
    {
        var highlighter = new SyntaxHighlighter();
        var whole = highlighter.NewGrammarSet().Grammar("text.html.markdown")!;
        var fenceless = highlighter.NewGrammarSet(fenceless: true).Grammar("text.html.markdown")!;
        TextMateSharp.Grammars.IStateStack? wholeState = null, fencelessState = null;
        var lines = MarkdownWithoutFences.Split('\n');

        foreach (var line in lines)
        {
            var expected = whole.TokenizeLine(line, wholeState, TimeSpan.FromSeconds(10));
            var actual = fenceless.TokenizeLine(line, fencelessState, TimeSpan.FromSeconds(10));
            Assert.Equal(Scopes(expected), Scopes(actual));
            (wholeState, fencelessState) = (expected.RuleStack, actual.RuleStack);
        }
        Assert.False(ParsedGrammars.HasFenceLine(lines));
        Assert.True(ParsedGrammars.HasFenceLine(["text", "  ~~~ python"]));
        Assert.True(ParsedGrammars.HasFenceLine(["```"]));
        Assert.False(ParsedGrammars.HasFenceLine(["`` two", "text ```"]));

        static string[] Scopes(TextMateSharp.Grammars.ITokenizeLineResult result) =>
            [.. result.Tokens.Select(t => $"{t.StartIndex}:{string.Join(' ', t.Scopes)}")];
    }

    [Fact]
    public void Workers_highlighting_at_once_write_what_one_writes()
    {
        const string code = "<script>const a = 42; // x\n</script>\n<style>a { color: red; }</style>\n<p class=\"k\">t</p>";
        var expected = new SyntaxHighlighter().Highlight("html", code);
        var highlighter = new SyntaxHighlighter();

        var results = new string?[16];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[i] = highlighter.Highlight("html", code));

        Assert.Contains("<span", expected, StringComparison.Ordinal);
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Theory]
    [InlineData("rust", "fn main() { let x = 1; }", "<span class=\"k\">fn </span><span class=\"nf\">main</span>")]
    [InlineData("rs", "let s = \"a\";", "<span class=\"s\">&quot;a&quot;</span>")]
    [InlineData("toml", "name = \"demo\"", "<span class=\"nt\">name </span>")]
    [InlineData("bash", "echo \"$HOME\"", "<span class=\"nv\">$HOME</span>")]
    [InlineData("sh", "if true; then exit 1; fi", "<span class=\"k\">if </span>")]
    [InlineData("shell", "for f in *; do echo $f; done", "<span class=\"k\">for</span> f <span class=\"k\">in</span>")]
    [InlineData("console", "$ ls -la", "<span class=\"gp\">$ </span>")]
    [InlineData("js", "const a = 42; // x", "<span class=\"c\">// x</span>")]
    [InlineData("javascript", "function f() { return null; }", "<span class=\"kc\">null</span>")]
    [InlineData("ts", "let n: number = 1;", "<span class=\"nc\">number </span>")]
    [InlineData("typescript", "interface A {}", "<span class=\"k\">interface </span>")]
    [InlineData("json", "{\"a\": true}", "<span class=\"nt\">&quot;a&quot;</span>")]
    [InlineData("yaml", "key: 3", "<span class=\"nt\">key</span>")]
    [InlineData("yml", "# note", "<span class=\"c\"># note</span>")]
    [InlineData("go", "func main() {}", "<span class=\"k\">func </span><span class=\"nf\">main</span>")]
    [InlineData("python", "def f(): pass", "<span class=\"k\">def </span><span class=\"nf\">f</span>")]
    [InlineData("py", "x = None", "<span class=\"kc\">None</span>")]
    [InlineData("c", "#include <stdio.h>", "<span class=\"cp\">#include </span>")]
    [InlineData("cpp", "int main() { return 0; }", "<span class=\"m\">0</span>")]
    [InlineData("html", "<a href=\"/x\">t</a>", "<span class=\"na\">href</span>")]
    [InlineData("css", "a { color: red; }", "<span class=\"nt\">color</span>")]
    [InlineData("diff", "+added", "<span class=\"gi\">+added</span>")]
    [InlineData("patch", "-removed", "<span class=\"gd\">-removed</span>")]
    [InlineData("sql", "SELECT 1;", "<span class=\"k\">SELECT </span><span class=\"m\">1</span>")]
    [InlineData("dockerfile", "FROM alpine", "<span class=\"k\">FROM </span>")]
    [InlineData("powershell", "Get-ChildItem -Path .", "<span class=\"nb\">Get-ChildItem </span>")]
    [InlineData("RUST", "fn f() {}", "<span class=\"k\">fn </span>")]
    public void Languages_blogs_use_are_highlighted_with_pygments_classes(string language, string code, string expected)
    {
        var html = Highlighter.Highlight(language, code);

        Assert.NotNull(html);
        Assert.Contains(expected, html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_grammar_the_language_table_names_loads_and_highlights()
    {
        var failed = LanguageNames.GrammarScopes
            .Select(scope => (scope, name: LanguageNames.Names.First(n => LanguageNames.ScopeOf(n) == scope)))
            .Where(pair => Highlighter.Highlight(pair.name, "x = 1 # y\n") is null)
            .Select(pair => pair.scope)
            .ToList();

        Assert.Empty(failed);
        Assert.True(LanguageNames.GrammarScopes.Count() >= 45, "the table should name the package's grammars");
    }

    [Theory]
    [InlineData("brainfuck")]
    [InlineData("")]
    [InlineData("text")]
    [InlineData("plaintext")]
    [InlineData("mermaid")]
    public void Unknown_languages_and_plain_text_are_not_highlighted(string language)
    {
        Assert.Null(Highlighter.Highlight(language, "a < b"));
        Assert.False(SyntaxHighlighter.Knows(language));
    }

    [Fact]
    public void Markup_in_code_is_escaped_and_never_becomes_elements()
    {
        var html = Highlighter.Highlight("html", "<script>alert(\"x\")</script> & <img src=x onerror=y>")!;

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;", html, StringComparison.Ordinal);
        Assert.Contains("&amp;", html, StringComparison.Ordinal);
        Assert.Matches("^(?:[^<]|<span class=\"[a-z]+\">|</span>)*$", html);
    }

    [Theory]
    [InlineData("rust", "use std::io;\n\n/// Doc \"quoted\" <T>\nfn main() {\n    let s = \"a & b\"; // c\n}\n")]
    [InlineData("python", "def f(x):\n    '''doc'''\n    return x < 3 and x > 1\n")]
    [InlineData("console", "$ echo hi \\\n  there\nhi there\n# id -u\n0\n")]
    [InlineData("toml", "[a]\nb = \"\"\"\nmulti\nline\"\"\"\nc = [1, 2] # d\n")]
    [InlineData("html", "<p class=\"x\">a &amp; b</p>\n<style>a { color: red }</style>\n")]
    public void Highlighting_keeps_every_character_of_the_code(string language, string code)
    {
        var html = Highlighter.Highlight(language, code)!;

        var text = WebUtility.HtmlDecode(Tags().Replace(html, ""));
        Assert.Equal(code.TrimEnd('\n') + "\n", text);
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_plain_and_the_next_line_is_highlighted_again()
    {
        var longLine = "let x = \"" + new string('a', SyntaxHighlighter.MaxLineLength) + "\";";
        var html = Highlighter.Highlight("rust", longLine + "\nfn f() {}")!;
        var lines = html.Split('\n');

        Assert.DoesNotContain("<span", lines[0], StringComparison.Ordinal);
        Assert.Contains("<span class=\"k\">fn </span>", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Regex_step_limits_are_in_force_so_a_line_that_backtracks_badly_ends_and_keeps_its_text()
    {
        // Without the limits the C++ grammar spends minutes on a few hundred characters of "[{[{" (RegexLimits).
        Assert.True(RegexLimits.Ensure());
        var line = string.Concat(Enumerable.Repeat("[{", 200));

        var html = Highlighter.Highlight("cpp", line + "\nint x;")!;

        Assert.Equal(line + "\nint x;\n", WebUtility.HtmlDecode(Tags().Replace(html, "")));
    }

    [Fact]
    public void Lines_after_the_time_budget_is_spent_are_written_plain_with_their_text()
    {
        var html = new System.Text.StringBuilder();

        Assert.True(Highlighter.TryHighlight("rust", ["fn a() {}", "fn b() {}"], html, TimeSpan.Zero));

        Assert.Equal("fn a() {}\nfn b() {}\n", html.ToString());
    }

    [Fact]
    public void Console_sessions_mark_prompts_commands_continuations_and_output()
    {
        var html = Highlighter.Highlight("console", "$ cargo build \\\n    --release\n   Compiling x v0.1.0\nPS C:\\work> Get-Date\n")!;
        var lines = html.Split('\n');

        Assert.StartsWith("<span class=\"gp\">$ </span>", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"go\"", lines[1], StringComparison.Ordinal); // continued command, not output
        Assert.Equal("<span class=\"go\">   Compiling x v0.1.0</span>", lines[2]);
        Assert.StartsWith("<span class=\"gp\">PS C:\\work&gt; </span>", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Toml_tables_keys_strings_numbers_dates_booleans_and_comments_get_classes()
    {
        var html = Highlighter.Highlight("toml",
            "[package]\nname = \"x\" # c\nedition = 2021\nwhen = 1979-05-27T07:32:00Z\nok = true\n[[bin]]\ndeps = { a = '1' }\n")!;

        Assert.Equal(
            """
            [<span class="gh">package</span>]
            <span class="nt">name </span>= <span class="s">&quot;x&quot; </span><span class="c"># c</span>
            <span class="nt">edition </span>= <span class="m">2021</span>
            <span class="nt">when </span>= <span class="m">1979-05-27T07:32:00Z</span>
            <span class="nt">ok </span>= <span class="kc">true</span>
            [[<span class="gh">bin</span>]]
            <span class="nt">deps </span>= { <span class="nt">a </span>= <span class="s">'1' </span>}

            """.ReplaceLineEndings("\n"), html);
    }

    [Fact]
    public void Blocks_highlighted_from_many_threads_match_one_thread()
    {
        var samples = new[] { ("rust", "fn a() { 1 }"), ("go", "func b() {}"), ("python", "def c(): pass"), ("sql", "SELECT 1"), ("yaml", "a: 1") };
        var expected = samples.Select(s => new SyntaxHighlighter().Highlight(s.Item1, s.Item2)).ToArray();
        var shared = new SyntaxHighlighter();
        var results = new string?[200];

        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            i => results[i] = shared.Highlight(samples[i % samples.Length].Item1, samples[i % samples.Length].Item2));

        for (var i = 0; i < results.Length; i++) Assert.Equal(expected[i % samples.Length], results[i]);
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
