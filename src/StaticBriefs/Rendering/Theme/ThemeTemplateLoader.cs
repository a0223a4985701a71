using System.Collections.Concurrent;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace StaticBriefs.Rendering.Theme;

/// <summary>
/// Lets <c>{{ include "partials/x.sbn" }}</c> find partials under <c>layouts/</c>, overrides first. Scriban asks
/// for the path on every include (thousands per build), so resolved paths and file texts are remembered for the
/// build instead of touching the disk each time.
/// </summary>
internal sealed class ThemeTemplateLoader(ThemeFiles files) : ITemplateLoader
{
    private readonly ConcurrentDictionary<string, string?> _paths = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _texts = new(StringComparer.Ordinal);

    // The "path" Scriban keeps for a template is its display name, so errors inside partials name the right layer.
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) =>
        _paths.GetOrAdd(templateName, name => files.Resolve("layouts/" + name)?.Display)
        ?? throw new ScriptRuntimeException(callerSpan, $"include '{templateName}' not found in layouts/ of the theme or input/_theme/");

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath)
    {
        try
        {
            return _texts.GetOrAdd(templatePath, display => (files.FromDisplay(display) ?? throw new IOException("not found")).ReadTextOrThrow());
        }
        catch (IOException ex)
        {
            throw new ScriptRuntimeException(callerSpan, $"include '{templatePath}' cannot be read: {ex.Message}");
        }
    }

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
}
