using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace StaticBriefs.Rendering.Theme;

/// <summary>
/// <c>{{ include "partials/x.sbn" }}</c> standing alone, rendered straight into the page. Scriban renders every
/// include into a builder of its own, makes a string of it and clears the builder (which, for a builder that grew,
/// allocates its capacity again), and the page then copies the string in: three to four times the partial's size in
/// garbage, for a listing page most of the page, on every page of a build. Written where it stands, the partial's
/// text goes to the page's output once. Same steps as Scriban's include otherwise (recursion guard, local scope,
/// <c>$</c> arguments, indentation reset), so the bytes are the same.
/// </summary>
internal static class InPlace
{
    /// <summary>
    /// True when the include's result would be written at once where the call stands, so writing it while it renders
    /// is the same: a statement of its own (not a value assigned, piped or combined), output on, no indentation to
    /// apply to its lines (an empty indent adds nothing), no named arguments (Scriban evaluates those in a way this does not repeat).
    /// </summary>
    public static bool Applies(TemplateContext context, ScriptNode? caller, ScriptArray arguments) =>
        caller is ScriptFunctionCall { Parent: ScriptExpressionStatement } call
        && arguments.Count > 0
        && context.EnableOutput
        && string.IsNullOrEmpty(context.CurrentIndent)
        && !call.Arguments.Any(argument => argument is ScriptNamedArgument);

    /// <summary>Renders the partial named by <paramref name="arguments"/>[0] into the current output; returns null (nothing left to write).</summary>
    public static object? Render(TemplateContext context, ScriptFunctionCall call, ScriptArray arguments)
    {
        var path = context.GetTemplatePathFromName(context.ObjectToString(arguments[0]), call);
        if (path is null) return null;
        var template = context.GetOrCreateTemplate(path, call);
        context.EnterRecursive(call);
        var indent = context.CurrentIndent;
        context.CurrentIndent = null;
        var output = context.Output;
        context.PushOutput(new PassThroughOutput(output is PassThroughOutput through ? through.Target : output));
        context.PushLocal();
        try
        {
            context.SetValue(ScriptVariable.Arguments, arguments, true, true);
            // Render asks the output for its text and clears it only when it is a StringBuilderOutput: this one has
            // no text of its own, so the page keeps what the partial wrote.
            template.Render(context);
        }
        finally
        {
            context.PopLocal();
            context.PopOutput();
            context.CurrentIndent = indent;
            context.ExitRecursive(call);
        }
        return null;
    }
}

/// <summary>An output that forwards every write to <see cref="Target"/> and holds no text of its own.</summary>
internal sealed class PassThroughOutput(IScriptOutput target) : IScriptOutput
{
    /// <summary>Where the text goes.</summary>
    public IScriptOutput Target { get; } = target;

    /// <inheritdoc/>
    public void Write(string text, int offset, int count) => Target.Write(text, offset, count);

    /// <inheritdoc/>
    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken) =>
        Target.WriteAsync(text, offset, count, cancellationToken);

    /// <summary>Empty: the text is in <see cref="Target"/>.</summary>
    public override string ToString() => "";
}
