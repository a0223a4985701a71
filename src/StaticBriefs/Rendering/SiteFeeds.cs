using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Rendering;

/// <summary>The site-wide feeds every page advertises.</summary>
public static class SiteFeeds
{
    /// <summary>Atom and JSON Feed links for the whole site.</summary>
    public static IReadOnlyList<FeedLink> Links(UrlBuilder urls, string siteTitle) =>
    [
        new FeedLink(siteTitle + " (Atom)", urls.Link("/feed.xml"), "application/atom+xml"),
        new FeedLink(siteTitle + " (JSON Feed)", urls.Link("/feed.json"), "application/feed+json"),
    ];
}
