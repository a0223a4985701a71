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

    /// <summary>The path part of <see cref="BaseUrl"/>, always starting and ending with '/'.</summary>
    public string BasePath => BaseUrl.AbsolutePath.EndsWith('/') ? BaseUrl.AbsolutePath : BaseUrl.AbsolutePath + "/";
}
