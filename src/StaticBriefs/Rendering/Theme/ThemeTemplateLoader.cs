using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace StaticBriefs.Rendering.Theme;

/// <summary>Lets <c>{{ include "partials/x.sbn" }}</c> find partials under <c>layouts/</c>, overrides first.</summary>
internal sealed class ThemeTemplateLoader(ThemeFiles files) : ITemplateLoader
{
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) =>
        files.Resolve(Path.Combine("layouts", templateName))
        ?? throw new ScriptRuntimeException(callerSpan, $"include '{templateName}' not found in layouts/ of the theme or input/_theme/");

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => File.ReadAllText(templatePath);

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(File.ReadAllText(templatePath));
}
