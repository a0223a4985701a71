using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace StaticBriefs.Rendering.Theme;

/// <summary>
/// <c>card_html card level</c> written by hand rather than imported from a delegate: every card of every listing page
/// goes through it, and Scriban's delegate wrapper converts each argument through <c>TemplateContext.ToObject</c>
/// (type checks by reflection) before the cached card is even looked up.
/// </summary>
internal sealed class CardHtmlFunction(Func<object, int, TrustedHtml> cardHtml) : IScriptCustomFunction
{
    public int RequiredParameterCount => 2;

    public int ParameterCount => 2;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;

    public Type ReturnType => typeof(TrustedHtml);

    public ScriptParameterInfo GetParameterInfo(int index) =>
        index == 0 ? new(typeof(object), "card") : new(typeof(int), "level");

    public int GetParameterIndexByName(string name) => name switch { "card" => 0, "level" => 1, _ => -1 };

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
    {
        var span = callerContext?.Span ?? context.CurrentSpan;
        if (arguments.Count != 2)
            throw new ScriptRuntimeException(span, $"card_html expects a card and a heading level, got {arguments.Count} value(s)");
        var card = arguments[0] ?? throw new ScriptRuntimeException(span, "card_html was given no card");
        var level = arguments[1] is int known ? known : context.ToObject<int>(span, arguments[1]);
        return cardHtml(card, level);
    }

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
}
