using StaticBriefs.Diagnostics;
using StaticBriefs.Loading.Yaml;
using YamlDotNet.RepresentationModel;

namespace StaticBriefs.Loading;

/// <summary>Splits a markdown file into front matter and body, and parses the front matter YAML.</summary>
public static class FrontMatterSplitter
{
    /// <summary>
    /// Returns the block, or null after reporting a diagnostic when the front matter is unclosed or not valid YAML.
    /// A file that does not start with <c>---</c> has no front matter and an empty mapping.
    /// </summary>
    public static FrontMatterBlock? Split(string text, string relativePath, DiagnosticBag diagnostics)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        if (!StartsWithFence(text, 0))
            return new FrontMatterBlock(new YamlMappingNode(), 1, text, 1);

        var yamlStart = text.IndexOf('\n') + 1;
        var position = yamlStart;
        var line = 2;
        while (position < text.Length)
        {
            if (StartsWithFence(text, position))
            {
                var yaml = text[yamlStart..position];
                var lineEnd = text.IndexOf('\n', position);
                var body = lineEnd < 0 ? "" : text[(lineEnd + 1)..];
                var mapping = ParseYaml(yaml, relativePath, diagnostics);
                return mapping is null ? null : new FrontMatterBlock(mapping, 2, body, line + 1);
            }
            var next = text.IndexOf('\n', position);
            if (next < 0) break;
            position = next + 1;
            line++;
        }
        diagnostics.Error(relativePath, 1, DiagnosticCodes.UnclosedFrontMatter,
            "front matter starts with '---' but is never closed; add a line with '---' after the last key", 1);
        return null;
    }

    private static bool StartsWithFence(string text, int position)
    {
        if (string.CompareOrdinal(text, position, "---", 0, 3) != 0) return false;
        var end = position + 3;
        while (end < text.Length && (text[end] == ' ' || text[end] == '\t')) end++;
        return end == text.Length || text[end] == '\n' || text[end] == '\r';
    }

    private static YamlMappingNode? ParseYaml(string yaml, string relativePath, DiagnosticBag diagnostics)
    {
        // The YAML text starts on file line 2, after the opening fence.
        if (!YamlReader.TryLoad(yaml, relativePath, 2, DiagnosticCodes.BadYaml, "front matter is", diagnostics, out var root))
            return null;
        if (root is null) return new YamlMappingNode();
        if (root is YamlMappingNode mapping) return mapping;
        diagnostics.Error(relativePath, root.Start.Line > 0 ? 1 + (int)root.Start.Line : 2, DiagnosticCodes.BadYaml,
            "front matter must be a list of 'key: value' lines", (int)Math.Max(1, root.Start.Column));
        return null;
    }
}
