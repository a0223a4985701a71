namespace StaticBriefs.Model;

/// <summary>Site-wide settings read from <c>input/_site.yml</c>; every value has a sensible default.</summary>
public sealed record SiteSettings
{
    /// <summary>The site's name, shown in the header and feeds.</summary>
    public string Title { get; init; } = "Briefs";

    /// <summary>One sentence about the site, used in meta tags and feeds.</summary>
    public string Description { get; init; } = "";

    /// <summary>Absolute URL the site is published at, ending in '/'. Its path is the prefix of every link.</summary>
    public Uri BaseUrl { get; init; } = DefaultBaseUrl;

    /// <summary>The base URL of a site that names none (links work, absolute URLs do not: see SB100).</summary>
    public static readonly Uri DefaultBaseUrl = new("http://localhost/");

    /// <summary>Whether each brief gets a social card image drawn at build time (<c>social_images</c>, default on).</summary>
    public bool SocialImages { get; init; } = true;

    /// <summary>
    /// What entity feeds carry (<c>feeds: { entities: full | summary | none }</c>): at 10,000 briefs and 1,160 entities
    /// their whole briefs, twice (Atom and JSON Feed), are 510 MB of a 1.1 GB site.
    /// </summary>
    public EntityFeeds EntityFeeds { get; init; } = EntityFeeds.Full;

    /// <summary>Whether companies, people and topics have feeds at all (every mode but <see cref="EntityFeeds.None"/>).</summary>
    public bool HasEntityFeeds => EntityFeeds != EntityFeeds.None;

    /// <summary>How many of the newest briefs each feed lists, the site's and each entity's (<c>feeds: { entries: N }</c>).</summary>
    public int FeedEntries { get; init; } = 20;

    /// <summary>BCP 47 language tag for the <c>lang</c> attribute.</summary>
    public string Language { get; init; } = "en";

    /// <summary>Briefs per page on the home and term pages.</summary>
    public int PageSize { get; init; } = 10;

    /// <summary>Default author of briefs that name none.</summary>
    public string? Author { get; init; }

    /// <summary>Whether raw HTML in markdown bodies is passed through (off: it is escaped).</summary>
    public bool AllowHtml { get; init; }

    /// <summary>Whether the first mention of a known entity in a body links to its page.</summary>
    public bool AutoLinkEntities { get; init; } = true;

    /// <summary>
    /// Search documents per display file (<c>search.docs_per_file</c>): 1 keeps each query's download smallest; 8
    /// brings a 10,000-brief site under a 20,000-file host limit.
    /// </summary>
    public int SearchDocsPerFile { get; init; } = 1;

    /// <summary>Where briefs are published (<c>permalinks: { briefs: ... }</c>).</summary>
    public PermalinkPattern BriefPermalink { get; init; } = PermalinkPattern.DefaultBriefs;

    /// <summary>Where pages (<c>layout: page</c>) are published (<c>permalinks: { pages: ... }</c>).</summary>
    public PermalinkPattern PagePermalink { get; init; } = PermalinkPattern.DefaultPages;

    /// <summary>
    /// Whether a link to nothing stops the build (<c>broken_links: error</c>, the default) or only warns
    /// (<c>warning</c>), so a migrating site can build while it fixes them.
    /// </summary>
    public Diagnostics.Severity BrokenLinks { get; init; } = Diagnostics.Severity.Error;

    /// <summary>
    /// Site paths served by a larger site around this one (<c>external_paths: [/docs/, /api/]</c>), each starting and
    /// ending with '/': links into them are left as written and not checked.
    /// </summary>
    public System.Collections.Immutable.ImmutableArray<string> ExternalPaths { get; init; } = [];

    /// <summary>
    /// What an old URL without a leading '/' is relative to: the site's root (Zola, Jekyll; the default) or, with
    /// <c>relative_aliases: page</c>, the folder the page's URL is in (Hugo).
    /// </summary>
    public RelativeAliases RelativeAliases { get; init; } = RelativeAliases.Root;

    /// <summary>How front matter from other generators is read: title keys, taxonomy mapping, ignored terms.</summary>
    public FrontMatterSettings FrontMatter { get; init; } = new();

    /// <summary>The path part of <see cref="BaseUrl"/>, always starting and ending with '/'.</summary>
    public string BasePath => BaseUrl.AbsolutePath.EndsWith('/') ? BaseUrl.AbsolutePath : BaseUrl.AbsolutePath + "/";
}

/// <summary>What a relative old URL (<c>aliases: [old-name]</c>) is read against.</summary>
public enum RelativeAliases
{
    /// <summary>The site's root, as Zola and jekyll-redirect-from read it.</summary>
    Root,
    /// <summary>The folder of the page's own URL, as Hugo reads it.</summary>
    Page,
}
