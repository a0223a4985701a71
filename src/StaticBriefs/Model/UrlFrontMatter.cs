using System.Collections.Immutable;

namespace StaticBriefs.Model;

/// <summary>
/// The URL-shaped front matter keys of a document, raw as written (not checked, not resolved), each with its place:
/// what the URL stage builds permalinks and redirects from. A key that is absent is null or empty.
/// </summary>
public sealed record UrlFrontMatter
{
    /// <summary>No URL keys at all.</summary>
    public static readonly UrlFrontMatter None = new();

    /// <summary><c>permalink</c> (Jekyll, Eleventy): the page's own URL or pattern.</summary>
    public LocatedText? Permalink { get; init; }

    /// <summary><c>url</c> (Hugo): the page's own URL.</summary>
    public LocatedText? Url { get; init; }

    /// <summary><c>path</c> (Zola): the page's path below the site root, e.g. <c>2019/11/07/Async-await-stable</c>.</summary>
    public LocatedText? Path { get; init; }

    /// <summary><c>slug</c> as written, before it is checked (the checked one is <see cref="SourceDocument.Slug"/>).</summary>
    public LocatedText? Slug { get; init; }

    /// <summary><c>aliases</c> (Hugo, Zola): old URLs that should redirect here; one text becomes a one-item list.</summary>
    public ImmutableArray<LocatedText> Aliases { get; init; } = [];

    /// <summary><c>redirect_from</c> (jekyll-redirect-from): old URLs that should redirect here; one text becomes a one-item list.</summary>
    public ImmutableArray<LocatedText> RedirectFrom { get; init; } = [];
}
