using System.Collections.Immutable;
using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using StaticBriefs.Diagnostics;
using StaticBriefs.Loading.FrontMatter;
using StaticBriefs.Model;
using StaticBriefs.Text;

namespace StaticBriefs.Loading.Conventions;

/// <summary>
/// The authors of a document from <c>author</c> or <c>authors</c>, in the shapes generators use: a name, a list of
/// names (Zola's <c>authors = [...]</c>), a mapping with <c>name</c> and <c>url</c> (jekyll-seo-tag), or markdown
/// (<c>[Alex](https://github.com/alex) (Honeycomb)</c>, as the OpenTelemetry blog writes it): a plain name, and its
/// link when <see cref="UrlPolicy"/> allows it.
/// </summary>
internal static class AuthorReader
{
    /// <summary>The author keys, first found wins.</summary>
    public static readonly string[] Keys = ["author", "authors"];

    private static readonly string[] LinkKeys = ["url", "link", "website", "uri", "homepage"];

    /// <summary>The display text ("A, B") and each author; (null, []) when the document names none.</summary>
    public static (string? Display, ImmutableArray<AuthorName> Authors) Read(FrontMatterFields fields)
    {
        if (fields.TakeFirst(Keys) is not { } entry) return (null, []);
        var authors = new List<AuthorName>();
        var pieces = new List<string>();
        Collect(fields, entry.Key, entry.Value, authors, pieces, nested: false);
        if (authors.Count == 0) return (null, []);
        var display = string.Join(", ", pieces);
        if (display.Length > ContentCaps.AuthorLength)
        {
            fields.Warn(entry.Value.Line, entry.Value.Column, DiagnosticCodes.CapApplied,
                $"'{entry.Key}' is {display.Length:N0} characters; only the first {ContentCaps.AuthorLength} are used");
            display = display[..ContentCaps.AuthorLength].TrimEnd();
        }
        return (display, [.. authors]);
    }

    private static void Collect(
        FrontMatterFields fields, string key, FrontMatterValue value, List<AuthorName> authors, List<string> pieces, bool nested)
    {
        switch (value)
        {
            case FrontMatterScalar { Kind: ScalarKind.Null }:
                return;
            case FrontMatterScalar scalar:
                FromMarkdown(fields, fields.Clean(scalar.Text, scalar), scalar, authors, pieces);
                return;
            case FrontMatterList list when !nested:
                foreach (var item in list.Items) Collect(fields, key, item, authors, pieces, nested: true);
                return;
            case FrontMatterMap map when map.Find("name") is { Value: FrontMatterScalar name }:
                var url = LinkKeys.Select(map.Find).FirstOrDefault(e => e?.Value is FrontMatterScalar { Kind: not ScalarKind.Null })?.Value as FrontMatterScalar;
                var plain = Plain(fields.Clean(name.Text, name));
                if (plain.Length == 0) return;
                authors.Add(new AuthorName(plain, Allowed(fields, url?.Text, url)));
                pieces.Add(plain);
                return;
            default:
                fields.Fail(value, DiagnosticCodes.WrongType,
                    $"'{key}' must be a name, a list of names, or a mapping such as {key}: {{ name: \"Ada Lovelace\", url: \"https://example.org/ada\" }}, not a {value.Describe()}");
                return;
        }
    }

    /// <summary>Markdown text: its links become named authors; the whole text, markdown removed, is what readers see.</summary>
    private static void FromMarkdown(FrontMatterFields fields, string text, FrontMatterValue at, List<AuthorName> authors, List<string> pieces)
    {
        var display = Plain(text);
        if (display.Length == 0) return;
        pieces.Add(display);
        var links = display.Length == text.Trim().Length || Parse(text) is not { } document
            ? []
            : document.Descendants<LinkInline>().Where(l => !l.IsImage).ToList();
        if (links.Count == 0)
        {
            authors.Add(new AuthorName(display, null));
            return;
        }
        foreach (var link in links)
        {
            var name = Whitespace(InlineText(link, 0));
            if (name.Length > 0) authors.Add(new AuthorName(name, Allowed(fields, link.Url, at)));
        }
    }

    private static string? Allowed(FrontMatterFields fields, string? url, FrontMatterValue? at)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        if (UrlPolicy.IsAllowed(url)) return url.Trim();
        if (at is not null)
            fields.Warn(at.Line, at.Column, DiagnosticCodes.UnsafeUrl,
                $"the author link '{url}' uses the scheme '{UrlPolicy.SchemeOf(url)}:', which is never published; the name is shown without it");
        return null;
    }

    private static string Plain(string text) =>
        text.AsSpan().IndexOfAny(MarkdownCharacters) < 0 ? text.Trim() : Parse(text) is { } document ? Plain(document) : text.Trim();

    /// <summary>The markdown of an author; null when Markdig refuses it as nested too deeply (the text is then shown as written).</summary>
    private static MarkdownDocument? Parse(string text)
    {
        try
        {
            return Markdown.Parse(text);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Characters without which a text has no markdown to remove.</summary>
    private static readonly System.Buffers.SearchValues<char> MarkdownCharacters = System.Buffers.SearchValues.Create("[*_`<&\\");

    private static string Plain(MarkdownDocument document) =>
        Whitespace(string.Join(' ', document.Descendants<LeafBlock>().Where(b => b.Inline is not null).Select(b => InlineText(b.Inline!, 0))));

    private static string InlineText(ContainerInline container, int depth)
    {
        var text = new StringBuilder();
        InlineWords.Append(container, text, keepHtml: true, depth);
        return text.ToString();
    }

    private static string Whitespace(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
