using StaticBriefs.Diagnostics;

namespace StaticBriefs.Loading.FrontMatter;

/// <summary>
/// Finds a document's front matter and hands it to the reader of its dialect: <c>---</c> YAML, <c>+++</c> TOML, a
/// leading JSON object, or Eleventy's <c>---json</c> / <c>---yaml</c> / <c>---toml</c>. Never throws: every problem
/// is a diagnostic at its line and column.
/// </summary>
internal static class FrontMatterReader
{
    /// <summary>
    /// The block, or null after reporting when the front matter is unclosed or cannot be read. A file that starts
    /// with none of the fences has no front matter: an empty mapping and the whole text as body.
    /// </summary>
    public static FrontMatterBlock? Read(string text, string path, DiagnosticBag diagnostics) => Read(text.AsMemory(), path, diagnostics);

    /// <summary>
    /// As <see cref="Read(string, string, DiagnosticBag)"/> for a text that need not be a string; the block's body is a
    /// part of it (the front matter's values are strings of their own).
    /// </summary>
    public static FrontMatterBlock? Read(ReadOnlyMemory<char> whole, string path, DiagnosticBag diagnostics)
    {
        if (whole.Length > 0 && whole.Span[0] == '\uFEFF') whole = whole[1..];
        var text = whole.Span;
        // Hugo's leading JSON object is read by a reader of strings: rare, so made one.
        if (StartsJsonObject(text)) return ReadLeadingJson(whole.ToString(), path, diagnostics);
        var opening = Fence(text, 0, out var language);
        if (opening is not ("---" or "+++")) return new FrontMatterBlock(FrontMatterDialect.None, FrontMatterMap.Empty, whole, 1);

        var dialect = (opening, language) switch
        {
            ("+++", "") => FrontMatterDialect.Toml,
            ("---", "" or "yaml" or "yml") => FrontMatterDialect.Yaml,
            ("---", "json") => FrontMatterDialect.Json,
            ("---", "toml") => FrontMatterDialect.Toml,
            _ => FrontMatterDialect.None,
        };
        if (dialect == FrontMatterDialect.None)
        {
            diagnostics.Error(path, 1, DiagnosticCodes.BadYaml, language is "js" or "javascript"
                ? "JavaScript front matter ('---js') is run by Eleventy; StaticBriefs reads YAML, TOML and JSON front matter: write it as YAML between '---' lines"
                : $"front matter in '{language}' cannot be read; write it as YAML between '---' lines", 4);
            return null;
        }

        var start = text.IndexOf('\n') + 1;
        var position = start;
        var line = 2;
        while (start > 0 && position < text.Length)
        {
            var closing = Fence(text, position, out var closingLanguage);
            // YAML may also end with '...' (Jekyll accepts it); a fence with a language word is only an opening one.
            if (closingLanguage.Length == 0 && (closing == opening || (dialect == FrontMatterDialect.Yaml && closing == "...")))
            {
                var inner = text[start..position].ToString();
                var lineEnd = IndexOfNewline(text, position);
                // The body stays a part of the file's text: a build without the cache only hashes and measures it here.
                var body = lineEnd < 0 ? ReadOnlyMemory<char>.Empty : whole[(lineEnd + 1)..];
                var map = dialect switch
                {
                    FrontMatterDialect.Toml => TomlFrontMatterReader.Read(inner, path, 2, diagnostics),
                    FrontMatterDialect.Json => ReadFencedJson(inner, path, diagnostics),
                    _ => YamlFrontMatterReader.Read(inner, path, 2, diagnostics),
                };
                return map is null ? null : new FrontMatterBlock(dialect, map, body, line + 1);
            }
            var next = IndexOfNewline(text, position);
            if (next < 0) break;
            position = next + 1;
            line++;
        }
        diagnostics.Error(path, 1, DiagnosticCodes.UnclosedFrontMatter,
            $"front matter starts with '{opening}' but is never closed; add a line with '{opening}' after the last key", 1);
        return null;
    }

    /// <summary>The first line break at or after <paramref name="from"/>, or -1.</summary>
    private static int IndexOfNewline(ReadOnlySpan<char> text, int from) => text[from..].IndexOf('\n') is var at and >= 0 ? from + at : -1;

    /// <summary>
    /// Hugo's JSON front matter: the file starts with an object. Only '{' followed by '"' or '}' counts, so a body that
    /// starts with Liquid (<c>{% include %}</c>) or a Hugo shortcode (<c>{{&lt; x &gt;}}</c>) is not mistaken for it.
    /// </summary>
    private static bool StartsJsonObject(ReadOnlySpan<char> text)
    {
        if (text.Length == 0 || text[0] != '{') return false;
        var i = 1;
        while (i < text.Length && text[i] is ' ' or '\t' or '\r' or '\n') i++;
        return i < text.Length && text[i] is '"' or '}';
    }

    private static FrontMatterBlock? ReadLeadingJson(string text, string path, DiagnosticBag diagnostics)
    {
        var map = JsonFrontMatterReader.Read(text, path, 1, diagnostics, out var length);
        if (map is null) return null;
        // The body starts on the line after the closing brace; anything else on that line is a mistake.
        var lineEnd = text.IndexOf('\n', length);
        var rest = lineEnd < 0 ? text[length..] : text[length..lineEnd];
        var closingLine = 1 + text.AsSpan(0, length).Count('\n');
        if (rest.Trim().Length > 0)
        {
            diagnostics.Error(path, closingLine, DiagnosticCodes.BadYaml,
                "text follows the closing '}' of the JSON front matter on the same line; start the body on the next line",
                length - text.LastIndexOf('\n', Math.Max(0, length - 1)));
            return null;
        }
        var body = lineEnd < 0 ? ReadOnlyMemory<char>.Empty : text.AsMemory(lineEnd + 1);
        return new FrontMatterBlock(FrontMatterDialect.Json, map, body, closingLine + 1);
    }

    private static FrontMatterMap? ReadFencedJson(string inner, string path, DiagnosticBag diagnostics)
    {
        if (inner.Trim().Length == 0) return new FrontMatterMap([], 2, 1);
        var map = JsonFrontMatterReader.Read(inner, path, 2, diagnostics, out var length);
        if (map is null) return null;
        if (!inner.AsSpan(length).IsWhiteSpace())
        {
            diagnostics.Error(path, 2 + inner.AsSpan(0, length).Count('\n'), DiagnosticCodes.BadYaml,
                "text follows the JSON object before the closing '---'; the front matter must be one object", 1);
            return null;
        }
        return map;
    }

    /// <summary>"---", "+++" or "..." when a line starting at <paramref name="position"/> is one, with the word after it ("json").</summary>
    private static string? Fence(ReadOnlySpan<char> text, int position, out string language)
    {
        language = "";
        if (position + 3 > text.Length) return null;
        // Compared in place: every line of the front matter is asked whether it closes it.
        var fence = text.Slice(position, 3) switch
        {
            "---" => "---",
            "+++" => "+++",
            "..." => "...",
            _ => null,
        };
        if (fence is null) return null;
        var end = position + 3;
        var wordStart = end;
        while (end < text.Length && char.IsAsciiLetter(text[end])) end++;
        language = wordStart == end ? "" : text[wordStart..end].ToString().ToLowerInvariant();
        while (end < text.Length && (text[end] == ' ' || text[end] == '\t')) end++;
        return end == text.Length || text[end] == '\n' || text[end] == '\r' ? fence : null;
    }
}
