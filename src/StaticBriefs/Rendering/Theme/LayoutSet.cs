using System.Collections.Frozen;
using Scriban;
using StaticBriefs.Diagnostics;

namespace StaticBriefs.Rendering.Theme;

/// <summary>Every layout of the theme parsed once, shared by all render workers (parsed templates are immutable).</summary>
public sealed class LayoutSet
{
    /// <summary>Layouts every theme must have.</summary>
    public static readonly string[] Required = ["base", "home", "brief", "term", "terms", "archive", "page", "search", "404"];

    private readonly FrozenDictionary<string, Template> _layouts;

    private LayoutSet(FrozenDictionary<string, Template> layouts, ThemeFiles files)
    {
        _layouts = layouts;
        Files = files;
    }

    /// <summary>Where the layouts came from.</summary>
    public ThemeFiles Files { get; }

    /// <summary>The parsed layout of a name (base, brief, ...).</summary>
    public Template this[string name] => _layouts[name];

    /// <summary>Parses <c>layouts/*.sbn</c>, reporting syntax errors as <c>file:line:col</c>; null when any failed.</summary>
    public static LayoutSet? Load(ThemeFiles files, DiagnosticBag diagnostics)
    {
        var layouts = new Dictionary<string, Template>(StringComparer.Ordinal);
        var ok = true;
        foreach (var name in Required)
        {
            var file = files.Resolve($"layouts/{name}.sbn");
            if (file is null)
            {
                diagnostics.Error($"theme/layouts/{name}.sbn", 0, DiagnosticCodes.TemplateError,
                    $"layout '{name}.sbn' is missing from the theme; restore it or add it under input/_theme/layouts/");
                ok = false;
                continue;
            }
            if (file.ReadText(diagnostics) is not { } text)
            {
                ok = false;
                continue;
            }
            var template = Template.Parse(text, file.Display);
            if (template.HasErrors)
            {
                foreach (var message in template.Messages)
                {
                    diagnostics.Error(file.Display, message.Span.Start.Line + 1, DiagnosticCodes.TemplateError,
                        message.Message, message.Span.Start.Column + 1);
                }
                ok = false;
                continue;
            }
            layouts[name] = template;
        }
        return ok ? new LayoutSet(layouts.ToFrozenDictionary(StringComparer.Ordinal), files) : null;
    }
}
