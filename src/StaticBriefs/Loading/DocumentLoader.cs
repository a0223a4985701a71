using System.Collections.Immutable;
using StaticBriefs.Diagnostics;
using StaticBriefs.Loading.Conventions;
using StaticBriefs.Loading.FrontMatter;
using StaticBriefs.Model;
using StaticBriefs.Text;

namespace StaticBriefs.Loading;

/// <summary>
/// Turns one markdown file's text into a typed <see cref="SourceDocument"/>, reporting every front matter problem.
/// Front matter may be YAML, TOML or JSON, and may be written for Jekyll, Hugo, Zola or Eleventy: the readers in
/// <c>Conventions/</c> find titles, dates, summaries, authors, images and terms where those generators keep them.
/// </summary>
public static class DocumentLoader
{
    /// <summary>Front matter keys StaticBriefs reads itself; other keys go to <see cref="SourceDocument.Extra"/>.</summary>
    public static readonly ImmutableArray<string> KnownKeys =
    [
        "title", "date", "summary", "companies", "people", "topics", "author", "sources",
        "slug", "draft", "updated", "layout", "nav", "relations",
        // URL-shaped keys of other generators, kept raw for the URL stage (UrlFrontMatter).
        "permalink", "url", "path", "aliases", "redirect_from",
    ];

    /// <summary>Keys a written summary is taken from, first found wins (Hugo and Zola's <c>description</c>, Jekyll's <c>excerpt</c>).</summary>
    private static readonly string[] SummaryKeys = ["summary", "description", "excerpt"];

    /// <summary>Keys other generators use for what StaticBriefs reads (a typo of one gets a did-you-mean too).</summary>
    public static readonly ImmutableArray<string> ConventionKeys =
    [
        .. DocumentDates.PublishedKeys, .. DocumentDates.UpdatedKeys, .. AuthorReader.Keys, .. ImageReader.Keys,
        .. SummaryKeys, "image_alt",
        .. FrontMatterSettings.DefaultTaxonomies.Keys.Where(k => !k.Contains('.', StringComparison.Ordinal)).Order(StringComparer.Ordinal),
    ];

    /// <summary>Loads a document with the default reading settings; null when it has errors that make it unusable (all are reported).</summary>
    public static SourceDocument? Load(string text, string relativePath, DiagnosticBag diagnostics) =>
        Load(text, relativePath, diagnostics, new FrontMatterSettings());

    /// <summary>Loads a document as <paramref name="settings"/> (from <c>_site.yml</c>) say; null when it cannot be used.</summary>
    public static SourceDocument? Load(string text, string relativePath, DiagnosticBag diagnostics, FrontMatterSettings settings) =>
        LoadChecked(text, relativePath, diagnostics, settings) is { Failed: false } loaded ? loaded.Document : null;

    /// <summary>
    /// Loads a document, and when its front matter was read but has errors (all reported) returns what could be read
    /// anyway, marked <c>Failed</c>: it is never published, but its URL and links are still checked, so one run
    /// reports every problem. The document is null only when there is no front matter to read.
    /// </summary>
    public static (SourceDocument? Document, bool Failed) LoadChecked(
        string text, string relativePath, DiagnosticBag diagnostics, FrontMatterSettings settings) =>
        LoadChecked(text.AsMemory(), relativePath, diagnostics, settings);

    /// <summary>
    /// As <see cref="LoadChecked(string, string, DiagnosticBag, FrontMatterSettings)"/> for a text that need not be a
    /// string: the document's body (<see cref="SourceDocument.BodySource"/>) is then a part of it, and nothing else is.
    /// </summary>
    public static (SourceDocument? Document, bool Failed) LoadChecked(
        ReadOnlyMemory<char> text, string relativePath, DiagnosticBag diagnostics, FrontMatterSettings settings)
    {
        var block = FrontMatterReader.Read(text, relativePath, diagnostics);
        if (block is null) return (null, true);
        if (block.Dialect == FrontMatterDialect.None)
        {
            diagnostics.Error(relativePath, 1, DiagnosticCodes.MissingKey,
                "has no front matter; start the file with a block such as '---' / 'title: \"What happened\"' / 'date: 2024-05-14' / '---' (or TOML between '+++' lines)", 1);
            return (null, true);
        }
        var fields = new FrontMatterFields(block.Map, relativePath, diagnostics);
        if (IsStub(block, settings))
        {
            return (new SourceDocument
            {
                RelativePath = relativePath, Kind = DocumentKind.Stub, Title = "", BodySource = BodyText.Of(block.Body), BodyFirstLine = block.BodyFirstLine,
                Extra = block.Map.Entries.ToImmutableDictionary(e => e.Key, e => e.Value.ToPlain(), StringComparer.Ordinal),
            }, false);
        }
        if (IsListing(block, relativePath))
        {
            return (new SourceDocument
            {
                RelativePath = relativePath, Kind = DocumentKind.Listing, Title = "", BodySource = BodyText.Of(block.Body), BodyFirstLine = block.BodyFirstLine,
                Extra = block.Map.Entries.ToImmutableDictionary(e => e.Key, e => e.Value.ToPlain(), StringComparer.Ordinal),
            }, false);
        }
        var document = Read(fields, block, relativePath, settings);
        return (document, fields.Failed);
    }

    /// <summary>No title (by any key), no body: nothing a reader could be shown.</summary>
    private static bool IsStub(FrontMatterBlock block, FrontMatterSettings settings) =>
        block.Body.Span.IsWhiteSpace() && block.Map.Find("title") is null && !settings.TitleKeys.Any(k => block.Map.Find(k) is not null);

    /// <summary>
    /// No date anywhere (no date key, none in the file name or folders) and a body that loops over the old generator's
    /// posts: a listing page of that generator, not a post. A page (<c>layout: page</c>) stays a page.
    /// </summary>
    private static bool IsListing(FrontMatterBlock block, string path) =>
        block.Map.Find("layout") is not { Value: FrontMatterScalar { Text: "page" } }
        && !DocumentDates.PublishedKeys.Any(k => block.Map.Find(k) is not null)
        && SourcePathConventions.DateInName(path) is null && SourcePathConventions.DateInFolders(path) is null
        && ListingPages.LoopIn(block.Body.Span) is not null;

    private static SourceDocument Read(FrontMatterFields fields, FrontMatterBlock block, string path, FrontMatterSettings settings)
    {
        var layout = fields.Located("layout");
        var kind = layout?.Text == "page" ? DocumentKind.Page : DocumentKind.Brief;
        var title = Title(fields, settings);
        var draft = Draft(fields, path);
        var urls = Urls(fields);
        var (date, updated) = DocumentDates.Read(fields, path, urls.Path?.Text);
        if (kind == DocumentKind.Brief && date is null && !fields.Failed)
        {
            if (draft)
                fields.Warn(1, 0, DiagnosticCodes.UndatedDraft,
                    "this draft has no date, so it is left out even with --drafts; add a line such as 'date: 2024-05-14'");
            else
                fields.Fail(1, 0, DiagnosticCodes.MissingKey,
                    "missing 'date'; add a line such as 'date: 2024-05-14' (ISO date or date-time), or start the file name with the date (2024-05-14-name.md)");
        }
        var (summary, derived) = Summary(fields, block.Body);
        var (author, authors) = AuthorReader.Read(fields);
        var image = ImageReader.Read(fields);
        var (companies, people, topics) = TaxonomyReader.Read(fields, settings);
        var sources = fields.Items(fields.Take("sources"), "sources");
        var nav = fields.Int("nav");
        var relations = RelationReader.Read(fields);
        var slug = Slug(fields, urls.Slug, path);
        var (slugLine, slugColumn) = SlugPlace(fields);
        var (extra, unusedLists) = Rest(fields);
        return new SourceDocument
        {
            RelativePath = path,
            Kind = kind,
            Title = title ?? "",
            Date = date,
            Updated = updated,
            Summary = summary,
            SummaryDerived = derived,
            Author = author,
            Authors = authors,
            Image = image,
            Layout = layout,
            Slug = slug,
            SlugLine = slugLine,
            SlugColumn = slugColumn,
            Urls = urls,
            Draft = draft,
            Nav = nav,
            Companies = companies,
            People = people,
            Topics = topics,
            Relations = relations,
            Sources = [.. sources.Select(item => item.Text)],
            SourceLines = [.. sources.Select(item => item.Line)],
            SourceColumns = [.. sources.Select(item => item.Column)],
            Extra = extra,
            UnusedLists = unusedLists,
            BodySource = BodyText.Of(block.Body),
            BodyFirstLine = block.BodyFirstLine,
        };
    }

    /// <summary><c>title</c>, else the keys <c>_site.yml</c> names (<c>title_key: newstitle</c>); capped.</summary>
    private static string? Title(FrontMatterFields fields, FrontMatterSettings settings)
    {
        var entry = fields.Take("title");
        foreach (var key in settings.TitleKeys)
        {
            if (entry is not null) break;
            entry = fields.Take(key);
        }
        if (entry is null)
        {
            var hint = fields.Entries.FirstOrDefault(e => e.Key.Contains("title", StringComparison.OrdinalIgnoreCase) && e.Value is FrontMatterScalar);
            fields.Fail(1, 0, DiagnosticCodes.MissingKey, "missing 'title'; add a line such as 'title: \"What happened\"' to the front matter"
                + (hint is null ? "" : settings.TitleKeys.IsEmpty
                    ? $" (or, when every title is in '{hint.Key}', add 'title_key: {hint.Key}' to _site.yml)"
                    : $" (or, when titles are also in '{hint.Key}', add it to _site.yml: 'title_key: [{string.Join(", ", settings.TitleKeys)}, {hint.Key}]')"));
            return null;
        }
        var title = fields.Text(entry, entry.Key);
        if (title is null || string.IsNullOrWhiteSpace(title))
        {
            if (entry.Value is FrontMatterScalar) fields.Fail(entry.Line, entry.Column, DiagnosticCodes.MissingKey, $"'{entry.Key}' is empty; give the document a title");
            return null;
        }
        return Capped(fields, entry, title, ContentCaps.TitleLength);
    }

    /// <summary><c>draft: true</c> (Hugo, Zola), <c>published: false</c> (Jekyll), or a file in Jekyll's <c>_drafts/</c>.</summary>
    private static bool Draft(FrontMatterFields fields, string path)
    {
        var draft = fields.Bool(fields.Take("draft"), "draft") ?? false;
        if (fields.Find("published") is { Value: FrontMatterScalar { Kind: ScalarKind.Boolean } } published)
            draft |= fields.Bool(fields.Take("published"), "published") == false;
        return draft || SourcePathConventions.IsInDrafts(path);
    }

    /// <summary>The written summary (<c>summary</c>, <c>description</c>, <c>excerpt</c>), else one derived from the body.</summary>
    private static (string? Summary, bool Derived) Summary(FrontMatterFields fields, ReadOnlyMemory<char> body)
    {
        foreach (var key in SummaryKeys)
        {
            if (fields.Take(key) is not { } entry) continue;
            if (fields.Text(entry, key) is { } text && text.Trim().Length > 0)
                return (Capped(fields, entry, text.Trim(), ContentCaps.SummaryLength), false);
        }
        var derived = SummaryDeriver.Derive(body.Span, ContentCaps.SummaryLength);
        return (derived, derived is not null);
    }

    private static UrlFrontMatter Urls(FrontMatterFields fields) => new()
    {
        Permalink = fields.Located("permalink"),
        Url = fields.Located("url"),
        Path = fields.Located("path"),
        Slug = fields.Find("slug") is { Value: FrontMatterScalar { Kind: not ScalarKind.Null } scalar } ? new LocatedText(fields.Clean(scalar.Text, null), scalar.Line, scalar.Column) : null,
        Aliases = [.. fields.Items(fields.Take("aliases"), "aliases")],
        RedirectFrom = [.. fields.Items(fields.Take("redirect_from"), "redirect_from")],
    };

    private static string? Slug(FrontMatterFields fields, LocatedText? written, string path)
    {
        var slug = fields.Text("slug");
        var at = written is null ? null : new FrontMatterScalar(written.Text, ScalarKind.Text, written.Line, written.Column);
        if (slug is not null && !Slugger.IsValidSlug(slug))
        {
            fields.Fail(at!, DiagnosticCodes.WrongType,
                $"slug '{slug}' must be lower-case letters, digits and '-' only (for example '{Slugger.Slugify(slug)}')");
            return slug;
        }
        if (slug is not null && slug.Length > Slugger.MaxLength)
        {
            var shortened = Slugger.Shorten(slug);
            fields.Warn(at!.Line, at.Column, DiagnosticCodes.CapApplied, $"slug is {slug.Length} characters; it is cut to '{shortened}' (at most {Slugger.MaxLength})");
            return shortened;
        }
        if (slug is null)
        {
            // The slug will come from the file name: say so when that is cut too (the name has no line).
            Slugger.Slugify(System.IO.Path.GetFileNameWithoutExtension(path), out var cut);
            if (cut)
            {
                fields.Warn(0, 0, DiagnosticCodes.CapApplied,
                    $"the file name makes a slug longer than {Slugger.MaxLength} characters; it is cut (add a shorter 'slug:' to choose it)");
            }
        }
        return slug;
    }

    /// <summary>The place of the slug key, or of the title key when there is none (what a slug clash points at).</summary>
    private static (int Line, int Column) SlugPlace(FrontMatterFields fields) =>
        (fields.Find("slug") ?? fields.Find("title")) is { } key ? (key.Line, key.Column) : (1, 0);

    /// <summary>A text value cut to <paramref name="max"/> characters (with a warning): it is repeated on every page listing the brief.</summary>
    private static string Capped(FrontMatterFields fields, FrontMatterEntry entry, string text, int max)
    {
        if (text.Length <= max) return text;
        fields.Warn(entry.Value.Line, entry.Value.Column, DiagnosticCodes.CapApplied,
            $"'{entry.Key}' is {text.Length:N0} characters; only the first {max:N0} are used (it is repeated on every page that lists the brief)");
        return text[..(char.IsHighSurrogate(text[max - 1]) ? max - 1 : max)];
    }

    /// <summary>
    /// Keys no reader took: kept for templates (<c>page.extra.key</c>); a likely typo of a known key gets a
    /// did-you-mean; lists are noted (with Zola's <c>[taxonomies]</c> entries) for the site-wide report.
    /// </summary>
    private static (ImmutableDictionary<string, object?> Extra, ImmutableArray<LocatedText> UnusedLists) Rest(FrontMatterFields fields)
    {
        var extra = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        var unused = ImmutableArray.CreateBuilder<LocatedText>();
        foreach (var entry in fields.Entries)
        {
            if (fields.WasRead(entry.Key)) continue;
            extra[entry.Key] = entry.Value.ToPlain();
            var suggestion = KeySuggester.Closest(entry.Key, [.. KnownKeys, .. ConventionKeys]);
            // A likely typo gets its did-you-mean below; it is not also a list "nothing reads".
            if (suggestion is null && entry.Value is FrontMatterList && !fields.WasReadBelow(entry.Key))
                unused.Add(new LocatedText(entry.Key, entry.Line, entry.Column));
            if (entry.Key == "taxonomies" && entry.Value is FrontMatterMap taxonomies)
            {
                foreach (var inner in taxonomies.Entries.Where(e => e.Value is FrontMatterList && !fields.WasRead("taxonomies." + e.Key)))
                    unused.Add(new LocatedText("taxonomies." + inner.Key, inner.Line, inner.Column));
            }
            if (suggestion is not null)
            {
                fields.Warn(entry.Line, entry.Column, DiagnosticCodes.UnknownKey,
                    $"unknown key '{entry.Key}': did you mean '{suggestion}'? (unknown keys are kept for templates as page.extra.{entry.Key})");
            }
        }
        return (extra.ToImmutable(), unused.ToImmutable());
    }
}
