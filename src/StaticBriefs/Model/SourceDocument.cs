using System.Collections.Immutable;

namespace StaticBriefs.Model;

/// <summary>What a layout a document asks for: a dated brief or a standalone page.</summary>
public enum DocumentKind
{
    /// <summary>A dated brief, published under <c>/briefs/&lt;slug&gt;/</c>.</summary>
    Brief,

    /// <summary>A documentation page (<c>layout: page</c>) published at its own path.</summary>
    Page,

    /// <summary>
    /// Front matter with neither a title nor a body (Zola's <c>template = "latest.html"</c> page): a page its old
    /// generator fills with a template of its own. Not published; named once for the site.
    /// </summary>
    Stub,

    /// <summary>
    /// A page without a date whose body lists posts with the old generator's template loop (Eleventy's
    /// <c>{% for post in collections.blog %}</c>): StaticBriefs makes its own listings. Not published; named once.
    /// </summary>
    Listing,
}

/// <summary>One markdown file after loading: typed front matter plus its markdown body. Immutable.</summary>
public sealed record SourceDocument
{
    /// <summary>Path relative to the input folder, with forward slashes.</summary>
    public required string RelativePath { get; init; }
    /// <summary>Brief or page.</summary>
    public required DocumentKind Kind { get; init; }
    /// <summary>The title (required).</summary>
    public required string Title { get; init; }
    /// <summary>Publication date (required for briefs).</summary>
    public DateTimeOffset? Date { get; init; }
    /// <summary>Last significant update, if any.</summary>
    public DateTimeOffset? Updated { get; init; }
    /// <summary>One or two sentences shown in listings and meta tags: written, or derived from the body.</summary>
    public string? Summary { get; init; }
    /// <summary>True when <see cref="Summary"/> was derived from the body (pages then do not repeat it above the body).</summary>
    public bool SummaryDerived { get; init; }
    /// <summary>Who wrote it, as readers see it ("A, B"; markdown removed).</summary>
    public string? Author { get; init; }
    /// <summary>Each author, with a link when one was given (<c>[Name](url)</c>, <c>{ name, url }</c>).</summary>
    public ImmutableArray<AuthorName> Authors { get; init; } = [];
    /// <summary>The document's own image, as written (resolved by the model).</summary>
    public ImageReference? Image { get; init; }
    /// <summary>The <c>layout:</c> value as written, or null.</summary>
    public LocatedText? Layout { get; init; }
    /// <summary>Keys holding lists that nothing reads (each key's name and place), reported once for the whole site.</summary>
    public ImmutableArray<LocatedText> UnusedLists { get; init; } = [];
    /// <summary>URL segment chosen by the author, or null to derive one from the file name.</summary>
    public string? Slug { get; init; }
    /// <summary>Line of the slug key, or of the title when there is no slug key.</summary>
    public int SlugLine { get; init; } = 1;
    /// <summary>Column of the slug key, or of the title when there is no slug key (0 when unknown).</summary>
    public int SlugColumn { get; init; }
    /// <summary>The URL-shaped keys (<c>permalink</c>, <c>url</c>, <c>path</c>, <c>slug</c>, <c>aliases</c>, <c>redirect_from</c>) as written, with their places.</summary>
    public UrlFrontMatter Urls { get; init; } = UrlFrontMatter.None;
    /// <summary>Drafts are published only with <c>--drafts</c>.</summary>
    public bool Draft { get; init; }
    /// <summary>Header navigation order for pages; null keeps the page out of the navigation.</summary>
    public int? Nav { get; init; }
    /// <summary>Companies named in front matter.</summary>
    public ImmutableArray<TagMention> Companies { get; init; } = [];
    /// <summary>People named in front matter.</summary>
    public ImmutableArray<TagMention> People { get; init; } = [];
    /// <summary>Topics named in front matter.</summary>
    public ImmutableArray<TagMention> Topics { get; init; } = [];
    /// <summary>Relations between entities (<c>relations:</c>), as written.</summary>
    public ImmutableArray<Relations.RelationMention> Relations { get; init; } = [];
    /// <summary>Source URLs.</summary>
    public ImmutableArray<string> Sources { get; init; } = [];
    /// <summary>File line of each entry of <see cref="Sources"/>, in the same order (for warnings about a source).</summary>
    public ImmutableArray<int> SourceLines { get; init; } = [];
    /// <summary>File column of each entry of <see cref="Sources"/>, in the same order.</summary>
    public ImmutableArray<int> SourceColumns { get; init; } = [];
    /// <summary>Front matter keys StaticBriefs does not know, kept for templates (<c>page.extra.key</c>).</summary>
    public ImmutableDictionary<string, object?> Extra { get; init; } = ImmutableDictionary<string, object?>.Empty;
    /// <summary>The markdown body (read from the build cache when first asked for, for a document taken from there).</summary>
    public string Body { get => _body.Text; init => _body = new BodyText(value); }
    /// <summary>The body, read or not: a cached document's is read when its <see cref="Body"/> is first asked for.</summary>
    public BodyText BodySource { get => _body; init => _body = value ?? throw new ArgumentNullException(nameof(value)); }
    private readonly BodyText _body = BodyText.Empty;
    /// <summary>File line where the body starts, to report body problems at the right line.</summary>
    public int BodyFirstLine { get; init; } = 1;

    /// <summary>The tags of one kind, as written.</summary>
    public ImmutableArray<TagMention> TagsOf(Model.TaxonomyKind kind) => kind switch
    {
        Model.TaxonomyKind.Companies => Companies,
        Model.TaxonomyKind.People => People,
        _ => Topics,
    };
}
