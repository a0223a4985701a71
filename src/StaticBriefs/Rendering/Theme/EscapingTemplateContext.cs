using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace StaticBriefs.Rendering.Theme;

/// <summary>
/// A Scriban context that escapes by default: every value a template writes goes through <c>html.escape</c> unless
/// it is <see cref="TrustedHtml"/> (the generator's own HTML, a template's output, or a value the template escaped or
/// marked <c>raw</c>). A site's <c>_theme/</c> override that forgets <c>| html.escape</c> is therefore still safe, and
/// the shipped theme, which escapes everything itself, writes the same bytes: <c>html.escape</c> here returns
/// <see cref="TrustedHtml"/>, so nothing is escaped twice.
/// </summary>
internal sealed class EscapingTemplateContext : TemplateContext
{
    /// <summary>Loop iterations one page may run (an archive of 100,000 briefs takes about 200,000).</summary>
    public const long MaxLoopSteps = 10_000_000;

    /// <summary>Characters one page may have: a layout looping without end stops here, not when memory runs out.</summary>
    public const int MaxPageChars = 100_000_000;

    private long _steps;

    /// <summary>Creates the context with its functions: <c>html.escape</c>, <c>html.newline_to_br</c>, <c>raw</c>, <c>include</c>.</summary>
    public EscapingTemplateContext()
    {
        // Scriban's own limits are per loop (1,000 iterations) and per page: at LimitToString (1 MiB) it silently cuts
        // the page and appends "...", which a large archive page reaches. This context's budgets (loop steps and
        // characters per page, checked as the page is written) replace both, and fail loudly.
        LoopLimit = 0;
        LimitToString = 0;
        var html = new ScriptObject();
        if (BuiltinObject["html"] is ScriptObject builtin)
        {
            foreach (var (name, value) in builtin) html[name] = value;
        }
        // Hand-written functions, not Import(delegate): html.escape runs for nearly every value of every page, and
        // Scriban's delegate wrapper cost a fifth more CPU in the listing pass (measured on 10,000 briefs).
        html["escape"] = new TrustedFunction(Escape);
        html["newline_to_br"] = new TrustedFunction(NewlineToBr);
        var functions = new ScriptObject
        {
            ["html"] = html,
            ["include"] = new TrustedInclude(),
            ["raw"] = new TrustedFunction(Raw),
        };
        PushGlobal(functions);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// View records are read through their listed getters (<see cref="ViewAccessors"/>), not reflection. Those are
    /// named as Scriban's standard renamer names them, so a context renaming or filtering otherwise reflects as before.
    /// </remarks>
    protected override IObjectAccessor? GetMemberAccessorImpl(object target) =>
        (MemberRenamer == StandardMemberRenamer.Default && MemberFilter is null ? ViewAccessors.Find(target.GetType()) : null)
            ?? base.GetMemberAccessorImpl(target);

    /// <summary>Starts the budget of a new page (loop steps).</summary>
    public void BeginPage() => _steps = 0;

    /// <inheritdoc/>
    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        var text = textAsObject switch
        {
            null => null,
            TrustedHtml html => html.Value,
            // What `capture` collected is a template's own output, already escaped as it was written.
            IScriptOutput captured => captured.ToString(),
            _ => HtmlFunctions.Escape(ObjectToString(textAsObject)),
        };
        if (text is null) return this;
        CheckSize(span, text.Length);
        return Write(text);
    }

    /// <inheritdoc/>
    protected override bool OnStepLoop(ScriptLoopStatementBase loop)
    {
        if (++_steps > MaxLoopSteps)
            throw new ScriptRuntimeException(loop.Span, $"loops ran more than {MaxLoopSteps:N0} steps on one page; is a loop endless?");
        CheckSize(loop.Span, 0);
        return base.OnStepLoop(loop);
    }

    private void CheckSize(SourceSpan span, int adding)
    {
        var output = Output is PassThroughOutput through ? through.Target : Output;
        if (output is StringBuilderOutput { Builder.Length: var length } && length + (long)adding > MaxPageChars)
            throw new ScriptRuntimeException(span, $"the page grew past {MaxPageChars:N0} characters; is a loop endless?");
    }

    /// <inheritdoc/>
    public override ValueTask<TemplateContext> WriteAsync(SourceSpan span, object? textAsObject) =>
        ValueTask.FromResult(Write(span, textAsObject));

    /// <summary><c>html.escape</c>: escapes (even HTML: escaping means "show this as text") and marks the result done.</summary>
    private static TrustedHtml Escape(TemplateContext context, object? value) =>
        new(HtmlFunctions.Escape(context.ObjectToString(value)) ?? "");

    /// <summary><c>raw</c>: the author says this value is HTML they trust; written as it is.</summary>
    private static TrustedHtml Raw(TemplateContext context, object? value) =>
        value as TrustedHtml ?? new TrustedHtml(context.ObjectToString(value) ?? "");

    /// <summary><c>html.newline_to_br</c>: text is escaped first, so the &lt;br&gt; it adds are the only tags.</summary>
    private static TrustedHtml NewlineToBr(TemplateContext context, object? value)
    {
        var html = value is TrustedHtml trusted ? trusted.Value : HtmlFunctions.Escape(context.ObjectToString(value)) ?? "";
        return new TrustedHtml(HtmlFunctions.NewlineToBr(html) ?? "");
    }

    /// <summary>A one-argument function returning <see cref="TrustedHtml"/>, called without reflection.</summary>
    private sealed class TrustedFunction(Func<TemplateContext, object?, TrustedHtml> body) : IScriptCustomFunction
    {
        public int RequiredParameterCount => 1;

        public int ParameterCount => 1;

        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;

        public Type ReturnType => typeof(TrustedHtml);

        public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), "value");

        public int GetParameterIndexByName(string name) => name == "value" ? 0 : -1;

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            if (arguments.Count != 1)
                throw new ScriptRuntimeException(callerContext?.Span ?? context.CurrentSpan, $"expects one value, got {arguments.Count}");
            return body(context, arguments[0]);
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
    }

    /// <summary><c>include</c>: Scriban's own, whose result (the partial's output, escaped as it was written) is trusted.</summary>
    private sealed class TrustedInclude : IScriptCustomFunction
    {
        private readonly IncludeFunction _include = new();

        public int RequiredParameterCount => _include.RequiredParameterCount;

        public int ParameterCount => _include.ParameterCount;

        public ScriptVarParamKind VarParamKind => _include.VarParamKind;

        public Type ReturnType => typeof(TrustedHtml);

        public ScriptParameterInfo GetParameterInfo(int index) => _include.GetParameterInfo(index);

        public int GetParameterIndexByName(string name) => _include.GetParameterIndexByName(name);

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            InPlace.Applies(context, callerContext, arguments)
                ? InPlace.Render(context, (ScriptFunctionCall)callerContext!, arguments)
                : _include.Invoke(context, callerContext, arguments, blockStatement) is string html ? new TrustedHtml(html) : null;

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
    }
}
