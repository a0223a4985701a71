namespace StaticBriefs.Rendering.Views;

/// <summary>The <c>site</c> object every template sees; built once per build.</summary>
public sealed record SiteView : ISharedView
{
    /// <summary>Site title (raw).</summary>
    public required string Title { get; init; }
    /// <summary>Site description (raw).</summary>
    public required string Description { get; init; }
    /// <summary>Language tag.</summary>
    public required string Language { get; init; }
    /// <summary>Absolute base URL, ending in '/'.</summary>
    public required string BaseUrl { get; init; }
    /// <summary>Base path, starting and ending with '/'.</summary>
    public required string BasePath { get; init; }
    /// <summary>Header navigation: documentation pages with a nav order.</summary>
    public required IReadOnlyList<LinkView> Nav { get; init; }
    /// <summary>The three entity index pages, with their term counts.</summary>
    public required IReadOnlyList<LinkView> Taxonomies { get; init; }
    /// <summary>Stylesheet URLs (fingerprinted) every page loads: the theme's, but the search page's own.</summary>
    public required IReadOnlyList<string> Styles { get; init; }
    /// <summary>Script URLs (fingerprinted, loaded with defer) every page loads: the theme's, but the search page's own.</summary>
    public required IReadOnlyList<string> Scripts { get; init; }
    /// <summary>
    /// Stylesheets of the search UI (theme assets named <c>search*.css</c>): the search page links them; other pages
    /// load them with the scripts when the header box is first used.
    /// </summary>
    public IReadOnlyList<string> SearchStyles { get; init; } = [];
    /// <summary>Scripts of the search UI (<c>search*.js</c>), the core (<c>search.js</c>) first.</summary>
    public IReadOnlyList<string> SearchScripts { get; init; } = [];
    /// <summary>Year of the newest brief, for the footer (a build-time clock would make output irreproducible).</summary>
    public int Year { get; init; }
}
