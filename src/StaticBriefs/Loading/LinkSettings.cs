using System.Collections.Immutable;
using StaticBriefs.Diagnostics;
using StaticBriefs.Model;
using StaticBriefs.Text;
using YamlDotNet.RepresentationModel;

namespace StaticBriefs.Loading;

/// <summary>
/// The <c>_site.yml</c> settings about URLs and links: <c>permalinks: { briefs: ..., pages: ... }</c>,
/// <c>broken_links: error | warning</c>, <c>external_paths: [/docs/, ...]</c> and <c>relative_aliases: root | page</c>.
/// </summary>
internal static class LinkSettings
{
    private static readonly string[] PermalinkKeys = ["briefs", "pages"];

    /// <summary>The <c>permalinks:</c> section: a pattern for briefs and one for pages.</summary>
    public static SiteSettings Permalinks(YamlNode node, SiteSettings settings, string file, int line, DiagnosticBag diagnostics)
    {
        if (node is not YamlMappingNode map)
        {
            diagnostics.Error(file, line, DiagnosticCodes.BadSettings,
                "'permalinks' must be a section, e.g. permalinks: { briefs: \"/:year/:month/:slug/\", pages: \"/:sections/:slug/\" }",
                (int)Math.Max(1, node.Start.Column));
            return settings;
        }
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!PermalinkKeys.Contains(key))
            {
                var hint = KeySuggester.Closest(key, PermalinkKeys);
                diagnostics.Warning(file, (int)keyNode.Start.Line, DiagnosticCodes.UnknownKey,
                    $"unknown setting 'permalinks.{key}' is ignored; {(hint is null ? "" : $"did you mean '{hint}'? ")}patterns are given for 'briefs' and 'pages'",
                    (int)keyNode.Start.Column);
                continue;
            }
            var (valueLine, valueColumn) = ((int)Math.Max(1, valueNode.Start.Line), (int)Math.Max(1, valueNode.Start.Column));
            if (valueNode is not YamlScalarNode { Value: { } text })
            {
                diagnostics.Error(file, valueLine, DiagnosticCodes.BadPermalink, $"'permalinks.{key}' must be one pattern such as \"/:year/:slug/\"", valueColumn);
                continue;
            }
            var pattern = PermalinkPattern.Parse(text, out var problem);
            if (pattern is null)
            {
                diagnostics.Error(file, valueLine, DiagnosticCodes.BadPermalink, $"'permalinks.{key}' {problem}", valueColumn);
                continue;
            }
            settings = key == "briefs" ? settings with { BriefPermalink = pattern } : settings with { PagePermalink = pattern };
        }
        return settings;
    }

    /// <summary><c>broken_links: error</c> (the default) or <c>warning</c>.</summary>
    public static SiteSettings BrokenLinks(string value, SiteSettings settings, string file, int line, int column, DiagnosticBag diagnostics)
    {
        switch (value)
        {
            case "error":
                return settings with { BrokenLinks = Severity.Error };
            case "warning":
                return settings with { BrokenLinks = Severity.Warning };
            default:
                diagnostics.Error(file, line, DiagnosticCodes.BadSettings,
                    $"'broken_links: {value}' must be 'error' (the default: a link to nothing stops the build) or 'warning'", column);
                return settings;
        }
    }

    /// <summary><c>relative_aliases: root</c> (the default: Zola, Jekyll) or <c>page</c> (Hugo).</summary>
    public static SiteSettings RelativeAliases(string value, SiteSettings settings, string file, int line, int column, DiagnosticBag diagnostics)
    {
        switch (value)
        {
            case "root":
                return settings with { RelativeAliases = Model.RelativeAliases.Root };
            case "page":
                return settings with { RelativeAliases = Model.RelativeAliases.Page };
            default:
                diagnostics.Error(file, line, DiagnosticCodes.BadSettings,
                    $"'relative_aliases: {value}' must be 'root' (the default: 'aliases: [old/x]' is /old/x/, as Zola and Jekyll read it) or 'page' (beside the page's URL, as Hugo reads it)", column);
                return settings;
        }
    }

    /// <summary>
    /// <c>external_paths:</c> site paths another site serves beside this one. Each must start with '/'; a trailing
    /// '/' is added (<c>/docs</c> means the folder <c>/docs/</c>), and a trailing <c>*</c> is allowed.
    /// </summary>
    public static SiteSettings ExternalPaths(YamlNode node, SiteSettings settings, string file, DiagnosticBag diagnostics)
    {
        var items = node switch
        {
            YamlSequenceNode sequence => sequence.Children.ToList(),
            YamlScalarNode { Value: { Length: > 0 } } => [node],
            _ => [],
        };
        if (node is YamlMappingNode)
        {
            diagnostics.Error(file, (int)node.Start.Line, DiagnosticCodes.BadSettings,
                "'external_paths' must be a list of paths, e.g. external_paths: [/docs/, /api/]", (int)node.Start.Column);
        }
        var paths = ImmutableArray.CreateBuilder<string>();
        foreach (var item in items)
        {
            var (line, column) = ((int)item.Start.Line, (int)item.Start.Column);
            var text = (item as YamlScalarNode)?.Value?.Trim() ?? "";
            if (text.EndsWith('*')) text = text[..^1];
            if (!text.StartsWith('/') || text.StartsWith("//", StringComparison.Ordinal) || text.Contains("..", StringComparison.Ordinal)
                || text.IndexOfAny(['?', '#', ' ', '\\']) >= 0)
            {
                diagnostics.Error(file, line, DiagnosticCodes.BadSettings,
                    $"each of 'external_paths' must be a path of this site starting with '/', such as /docs/; '{text}' is not", column);
                continue;
            }
            paths.Add(text.EndsWith('/') ? text : text + "/");
        }
        return settings with { ExternalPaths = paths.ToImmutable() };
    }
}
