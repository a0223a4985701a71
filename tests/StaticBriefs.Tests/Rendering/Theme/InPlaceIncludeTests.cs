using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using StaticBriefs.Rendering.Theme;

namespace StaticBriefs.Tests.Rendering.Theme;

/// <summary>
/// A standalone <c>{{ include }}</c> renders straight into the page's output; everywhere else, and in the bytes it
/// writes, it is Scriban's include.
/// </summary>
public sealed class InPlaceIncludeTests
{
    private static readonly Dictionary<string, string> Partials = new(StringComparer.Ordinal)
    {
        ["p"] = "a{{ v }}b",
        ["lines"] = "one\ntwo\n",
        ["args"] = "[{{ $1 }}|{{ $.size }}|{{ who ?? \"-\" }}]",
        ["outer"] = "<{{ include \"p\" }}>\n  {{ include \"lines\" }}",
        ["loop"] = "{{ for i in 1..3 }}{{ include \"args\" i }}{{ end }}",
        ["self"] = "x{{ include \"self\" }}",
    };

    private sealed class Loader : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) => templateName;

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => Partials[templatePath];

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            ValueTask.FromResult<string?>(Partials[templatePath]);
    }

    /// <summary>Keeps each write apart, so a test can see whether a partial arrived as one string or as it rendered.</summary>
    private sealed class RecordingOutput : IScriptOutput
    {
        public List<string> Writes { get; } = [];

        public void Write(string text, int offset, int count) => Writes.Add(text.Substring(offset, count));

        public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
        {
            Write(text, offset, count);
            return ValueTask.CompletedTask;
        }

        public override string ToString() => string.Concat(Writes);
    }

    private static T Prepare<T>(T context) where T : TemplateContext
    {
        context.TemplateLoader = new Loader();
        context.RecursiveLimit = 16;
        context.PushGlobal(new ScriptObject { ["v"] = 7 });
        return context;
    }

    private static string RenderOurs(string text) => Parse(text).Render(Prepare(new EscapingTemplateContext()));

    private static string RenderScriban(string text) => Parse(text).Render(Prepare(new TemplateContext()));

    private static Template Parse(string text)
    {
        var template = Template.Parse(text);
        Assert.False(template.HasErrors, string.Join('\n', template.Messages));
        return template;
    }

    [Fact]
    public void A_standalone_include_writes_its_text_into_the_page_output_as_it_renders()
    {
        var context = Prepare(new EscapingTemplateContext());
        var output = new RecordingOutput();
        context.PushOutput(output);
        Parse("x{{ include \"p\" }}y").Render(context);
        // Scriban's include hands the page one string, "a7b"; in place, the partial's own pieces arrive one by one.
        Assert.Equal(["x", "a", "7", "b", "y"], output.Writes);
    }

    [Theory]
    [InlineData("x{{ include \"p\" }}y")]
    [InlineData("x\n    {{ include \"lines\" }}\ny")]
    [InlineData("x{{~ include \"lines\" ~}}y")]
    [InlineData("{{ include \"outer\" }}|\n  {{ include \"outer\" }}")]
    [InlineData("{{ include \"loop\" }}")]
    [InlineData("{{ include \"args\" 1 2 }}{{ include \"args\" 3 who: \"named\" }}")]
    [InlineData("{{ s = include \"p\" }}<{{ s }}>{{ s }}")]
    [InlineData("{{ \"(\" + (include \"p\") + \")\" }}")]
    [InlineData("{{ include \"p\" | string.upcase }}")]
    [InlineData("{{ capture c }}[{{ include \"p\" }}]{{ end }}{{ c }}{{ c }}")]
    [InlineData("{{ for i in 1..2 }}\n  {{ include \"p\" }}\n{{ end }}")]
    public void What_a_page_gets_is_what_scriban_s_own_include_gives(string page)
    {
        Assert.Equal(RenderScriban(page), RenderOurs(page));
    }

    [Fact]
    public void A_partial_including_itself_still_stops_at_the_recursion_limit()
    {
        var error = Assert.Throws<ScriptRuntimeException>(() => RenderOurs("{{ include \"self\" }}"));
        Assert.Contains("recursive", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
