namespace StaticBriefs.Rendering.Views;

/// <summary>What every layout knows about the page it renders (the <c>page</c> object in templates).</summary>
public sealed record PageView
{
    /// <summary>home, brief, term, terms, archive, page, search or 404.</summary>
    public required string Kind { get; init; }
    /// <summary>Page title (raw), without the site name.</summary>
    public required string Title { get; init; }
    /// <summary>Meta description (raw).</summary>
    public string Description { get; init; } = "";
    /// <summary>Link to this page, base path included.</summary>
    public required string Url { get; init; }
    /// <summary>Absolute URL, for canonical links and social cards.</summary>
    public required string Permalink { get; init; }
    /// <summary>Feed links for <c>&lt;link rel="alternate"&gt;</c>: the site's, or the entity's own.</summary>
    public IReadOnlyList<FeedLink> Feeds { get; init; } = [];
    /// <summary>OpenGraph type: website or article.</summary>
    public string OgType { get; init; } = "website";
    /// <summary>JSON-LD for the page, already encoded as safe JSON (empty when none); trusted, written as it is.</summary>
    public Theme.TrustedHtml JsonLd { get; init; } = Theme.TrustedHtml.Empty;
    /// <summary>True when search engines should not index the page (404, paginated pages are fine).</summary>
    public bool NoIndex { get; init; }
    /// <summary>
    /// Absolute URL of the page's social card image (<c>og:image</c>): the brief's own image when it has one, else
    /// the one generated for it; empty for none.
    /// </summary>
    public string Image { get; init; } = "";
    /// <summary>The image's alternative text (raw).</summary>
    public string ImageAlt { get; init; } = "";
    /// <summary>The image's width in pixels, when known (0 otherwise).</summary>
    public int ImageWidth { get; init; }
    /// <summary>The image's height in pixels, when known.</summary>
    public int ImageHeight { get; init; }
}

/// <summary>A feed advertised by a page.</summary>
/// <param name="Title">Feed title (raw).</param>
/// <param name="Url">Feed URL.</param>
/// <param name="Type">MIME type.</param>
public sealed record FeedLink(string Title, string Url, string Type);
