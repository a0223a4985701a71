using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using StaticBriefs.Text;

namespace StaticBriefs.Model;

/// <summary>What a permalink pattern's tokens stand for, for one document.</summary>
/// <param name="Date">The document's date as written (its own offset), or null when it has none.</param>
/// <param name="Slug">The document's slug (<c>slug:</c>, else its file or bundle folder name as a slug).</param>
/// <param name="OwnSlug">The <c>slug:</c> the author wrote, or null.</param>
/// <param name="FileName">File name without extension and without a leading <c>YYYY-MM-DD-</c> (a bundle: its folder's).</param>
/// <param name="Folders">Folders from the input root to the file (a bundle: to its folder, exclusive), as written.</param>
public readonly record struct PermalinkFields(
    DateTimeOffset? Date, string Slug, string? OwnSlug, string FileName, ImmutableArray<string> Folders);

/// <summary>
/// A URL pattern such as <c>/:year/:month/:day/:title/</c>, with the tokens Jekyll and Hugo users know. Parsed once
/// (from <c>_site.yml</c>'s <c>permalinks:</c> or a file's own <c>permalink:</c>/<c>url:</c>) and then expanded for
/// each document. Every token expands to characters that are safe in a URL and a file name, so an expanded pattern
/// that parsed is always a valid site path.
/// </summary>
public sealed partial class PermalinkPattern
{
    /// <summary>Tokens, each with what it means (for messages and the README).</summary>
    public static readonly ImmutableArray<string> Tokens =
        ["year", "month", "day", "i_month", "i_day", "short_year", "slug", "title", "filename", "section", "sections", "output_ext"];

    private static readonly string[] DateTokens = ["year", "month", "day", "i_month", "i_day", "short_year"];

    /// <summary>Where briefs go unless <c>_site.yml</c> says otherwise.</summary>
    public static readonly PermalinkPattern DefaultBriefs = Parse("/briefs/:slug/", out _)!;

    /// <summary>Where pages (<c>layout: page</c>) go unless <c>_site.yml</c> says otherwise: the file's folders, then its slug.</summary>
    public static readonly PermalinkPattern DefaultPages = Parse("/:sections/:slug/", out _)!;

    private readonly ImmutableArray<(string? Token, string Literal)> _parts;

    private PermalinkPattern(string text, ImmutableArray<(string? Token, string Literal)> parts)
    {
        Text = text;
        _parts = parts;
        NeedsDate = parts.Any(p => p.Token is not null && DateTokens.Contains(p.Token));
    }

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    /// <summary>True when a token needs the document's date.</summary>
    public bool NeedsDate { get; }

    /// <summary>True when the pattern has no tokens (a file's own fixed URL).</summary>
    public bool IsFixed => _parts.All(p => p.Token is null);

    /// <inheritdoc/>
    public override string ToString() => Text;

    /// <summary>
    /// Parses <paramref name="written"/>; null with the <paramref name="problem"/> ("what is wrong; what to do") when it
    /// is not a valid pattern. A missing leading '/' is added (the path is from the site's root, as Hugo reads it).
    /// </summary>
    public static PermalinkPattern? Parse(string written, out string? problem)
    {
        // Eleventy writes the file-name token as a template variable: '/blog/{{ page.fileSlug }}/'.
        var text = FileSlug().Replace(written, ":filename");
        problem = Check(text);
        if (problem is not null) return null;
        var parts = ImmutableArray.CreateBuilder<(string?, string)>();
        var literal = new StringBuilder(text.StartsWith('/') ? "" : "/");
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != ':')
            {
                literal.Append(text[i]);
                continue;
            }
            var end = i + 1;
            while (end < text.Length && (char.IsAsciiLetterLower(text[end]) || text[end] == '_')) end++;
            var name = text[(i + 1)..end];
            var token = Tokens.FirstOrDefault(t => t == name);
            if (token is null)
            {
                var word = name.Length > 0 ? name : text[(i + 1)..Math.Min(text.Length, i + 2)];
                var hint = KeySuggester.Closest(word, Tokens);
                problem = $"':{word}' is not a permalink token{(hint is null ? "" : $" (did you mean ':{hint}'?)")}; the tokens are {string.Join(", ", Tokens.Select(t => ":" + t))}";
                return null;
            }
            if (literal.Length > 0) parts.Add((null, literal.ToString()));
            literal.Clear();
            parts.Add((token, ""));
            i += token.Length;
        }
        if (literal.Length > 0) parts.Add((null, literal.ToString()));
        var last = parts[^1];
        if (last.Item1 != "output_ext" && !(last.Item1 is null && (last.Item2.EndsWith('/') || last.Item2.EndsWith(".html", StringComparison.Ordinal))))
        {
            problem = $"'{written}' must end in '/' (a folder: /x/ is published as x/index.html) or in '.html'";
            return null;
        }
        return new PermalinkPattern(written, parts.ToImmutable());
    }

    /// <summary>The site path for one document: always starts with '/', never has empty, '.' or '..' segments.</summary>
    public string Expand(PermalinkFields fields)
    {
        var path = new StringBuilder();
        foreach (var (token, literal) in _parts) path.Append(token is null ? literal : Value(token, fields));
        // Tokens that are empty for this document (the section of a file at the root) leave no empty folder.
        var text = path.ToString();
        while (text.Contains("//", StringComparison.Ordinal)) text = text.Replace("//", "/", StringComparison.Ordinal);
        return text;
    }

    private static string Value(string token, PermalinkFields fields)
    {
        var date = fields.Date ?? default;
        return token switch
        {
            "year" => date.Year.ToString("D4", CultureInfo.InvariantCulture),
            "short_year" => (date.Year % 100).ToString("D2", CultureInfo.InvariantCulture),
            "month" => date.Month.ToString("D2", CultureInfo.InvariantCulture),
            "i_month" => date.Month.ToString(CultureInfo.InvariantCulture),
            "day" => date.Day.ToString("D2", CultureInfo.InvariantCulture),
            "i_day" => date.Day.ToString(CultureInfo.InvariantCulture),
            "slug" => fields.Slug,
            "title" => fields.OwnSlug ?? SafeName(fields.FileName),
            "filename" => SafeName(fields.FileName),
            "section" => fields.Folders.IsEmpty ? "" : Slugger.Slugify(fields.Folders[0]),
            "sections" => string.Join('/', fields.Folders.Select(Slugger.Slugify)),
            _ => ".html", // output_ext
        };
    }

    /// <summary>
    /// A file or folder name kept as written (case and dots: <c>homebrew-1.0.0</c>, as Jekyll's <c>:title</c>) when it
    /// is made of URL-safe characters only, else made a slug.
    /// </summary>
    public static string SafeName(string name) =>
        name.Length > 0 && name[0] != '.' && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            ? name
            : Slugger.Slugify(name);

    /// <summary>What is wrong with the text before tokens are read, or null.</summary>
    private static string? Check(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "is empty; write a path such as /blog/:slug/";
        if (text.Contains("{{", StringComparison.Ordinal) || text.Contains("{%", StringComparison.Ordinal))
            return $"'{text}' is template syntax StaticBriefs does not run; write the pattern with tokens such as /blog/:year/:slug/ (Eleventy's {{{{ page.fileSlug }}}} is read as :filename)";
        if (text.Contains("://", StringComparison.Ordinal) || text.StartsWith("//", StringComparison.Ordinal) || UrlPolicy.SchemeOf(text) is not null)
            return $"'{text}' must be a path on this site such as /blog/:slug/, not a full URL";
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) || char.IsWhiteSpace(c) || c is '?' or '#' or '%' or '\\' or '"' or '\'' or '<' or '>' or '|' or '*')
            {
                var shown = char.IsControl(c) || char.IsWhiteSpace(c) ? $"U+{(int)c:X4}" : c.ToString();
                return $"'{text}' may not contain '{shown}' (a permalink is a path: letters, digits, '-', '_', '.', '~', '/' and tokens; write other characters as themselves, not %-encoded)";
            }
        }
        foreach (var segment in text.Split('/'))
        {
            if (segment is "." or "..")
            {
                return $"'{text}' may not contain '{segment}' as a folder; write the path from the site's root";
            }
            if (segment.StartsWith('.'))
                return $"'{text}' has a name starting with '.' ('{segment}'), which hosts treat as hidden";
        }
        return null;
    }

    /// <summary>Eleventy's <c>{{ page.fileSlug }}</c>: the file name without its date, which is <c>:filename</c>.</summary>
    [GeneratedRegex(@"\{\{-?\s*page\.fileSlug\s*-?\}\}")]
    private static partial Regex FileSlug();
}
