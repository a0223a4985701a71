using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using StaticBriefs.Rendering.Theme;

namespace StaticBriefs.Tests.Rendering.Theme;

/// <summary>Template output is escaped unless it is HTML the generator made, a template's output, or marked.</summary>
public sealed class EscapingTemplateContextTests
{
    private const string Evil = "<b onclick=\"x\">Tom & 'Jerry'</b>";

    private static string Render(string template, object? value = null, ITemplateLoader? loader = null)
    {
        var context = new EscapingTemplateContext { TemplateLoader = loader, MemberRenamer = StandardMemberRenamer.Default, EnableRelaxedMemberAccess = true };
        context.PushGlobal(new ScriptObject { ["v"] = value ?? Evil, ["trusted"] = new TrustedHtml("<em>made by us</em>") });
        var parsed = Template.Parse(template);
        Assert.False(parsed.HasErrors, string.Join('\n', parsed.Messages));
        return parsed.Render(context);
    }

    [Fact]
    public void A_value_written_without_html_escape_is_escaped_anyway()
    {
        Assert.Equal("&lt;b onclick=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;", Render("{{ v }}"));
    }

    [Fact]
    public void Html_escape_escapes_once_exactly_as_scriban_does()
    {
        Assert.Equal(Scriban.Functions.HtmlFunctions.Escape(Evil), Render("{{ v | html.escape }}"));
        Assert.Equal(Render("{{ v }}"), Render("{{ v | html.escape }}"));
    }

    [Fact]
    public void Generator_html_and_raw_are_written_as_they_are()
    {
        Assert.Equal("<em>made by us</em>", Render("{{ trusted }}"));
        Assert.Equal(Evil, Render("{{ v | raw }}"));
    }

    [Fact]
    public void Literal_template_text_is_never_touched()
    {
        Assert.Equal("<p class=\"x\">&amp;</p>", Render("<p class=\"x\">&amp;</p>"));
    }

    [Fact]
    public void Captured_output_is_not_escaped_twice()
    {
        Assert.Equal("<i>&lt;b onclick=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;</i>", Render("{{ capture c }}<i>{{ v }}</i>{{ end }}{{ c }}"));
    }

    [Fact]
    public void Newline_to_br_escapes_the_text_and_keeps_its_own_breaks()
    {
        Assert.Equal("a &amp;<br />\nb", Render("{{ v | html.newline_to_br }}", "a &\nb"));
    }

    [Fact]
    public void Numbers_booleans_and_comparisons_behave_as_before()
    {
        Assert.Equal("3 true yes", Render("{{ 1 + 2 }} {{ true }} {{ if trusted != \"\" }}yes{{ end }}"));
    }

    [Fact]
    public void Included_partials_are_written_as_rendered()
    {
        var loader = new DictionaryLoader(new() { ["p"] = "<li>{{ v }}</li>" });
        Assert.Equal("<ul><li>&lt;b onclick=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;</li></ul>", Render("<ul>{{ include \"p\" }}</ul>", loader: loader));
    }

    [Fact]
    public void A_page_longer_than_a_mebibyte_is_written_whole_not_cut_with_an_ellipsis()
    {
        var page = Render("{{ for i in 1..300000 }}abcdefghij{{ end }}end");

        Assert.Equal((3_000_003, "end"), (page.Length, page[^3..]));
    }

    [Fact]
    public void An_endless_loop_stops_with_a_template_error()
    {
        var error = Assert.Throws<Scriban.Syntax.ScriptRuntimeException>(() => Render("{{ for i in 1..2000000000 }}{{ end }}"));
        Assert.Contains("loops ran more than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_that_grows_without_end_stops_with_a_template_error()
    {
        var error = Assert.Throws<Scriban.Syntax.ScriptRuntimeException>(() =>
            Render("{{ for i in 1..1000000 }}{{ v }}{{ v }}{{ v }}{{ v }}{{ v }}{{ v }}{{ v }}{{ v }}{{ v }}{{ v }}{{ v }}{{ v }}{{ v }}{{ v }}{{ v }}{{ v }}{{ v }}{{ v }}{{ v }}{{ v }}{{ end }}", new string('x', 1000)));
        Assert.Contains("the page grew past", error.Message, StringComparison.Ordinal);
    }

    private sealed class DictionaryLoader(Dictionary<string, string> templates) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) => templateName;

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => templates[templatePath];

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            ValueTask.FromResult<string?>(templates[templatePath]);
    }
}
