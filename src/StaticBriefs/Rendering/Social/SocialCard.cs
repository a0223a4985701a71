namespace StaticBriefs.Rendering.Social;

/// <summary>What a brief's social card shows; the card's bytes depend on nothing else (and the fonts).</summary>
/// <param name="SiteTitle">The site's name, top left.</param>
/// <param name="Title">The brief's title, large.</param>
/// <param name="DateText">"19 May 2026".</param>
/// <param name="Entities">Names of the companies and people it names, first few.</param>
public sealed record SocialCard(string SiteTitle, string Title, string DateText, IReadOnlyList<string> Entities)
{
    /// <summary>Width in pixels: the 1200 x 630 OpenGraph and Twitter large-image size.</summary>
    public const int Width = 1200;

    /// <summary>Height in pixels.</summary>
    public const int Height = 630;

    /// <summary>
    /// Where the card of the page at <paramref name="pagePath"/> is published: "/briefs/x/" -> "/social/briefs/x.png",
    /// derived from the page's own path so any permalink scheme gets its own file.
    /// </summary>
    public static string PathFor(string pagePath) => "/social/" + pagePath.Trim('/') + ".png";

    /// <summary>The cache key of the card: every input, so an unchanged card is kept from the last build.</summary>
    // v3: cards are palette PNGs (CardInks), so a cached build must not keep the RGB bytes of v2 (PngEncoder) or v1 (libpng).
    // v4: blank rows are coded by BlankRunCoder, not zlib: the same pixels in other bytes, which a cached build must not keep.
    public string Key(string fontKey) => SocialHash.Of("social-card-v4", fontKey, SiteTitle, Title, DateText, string.Join('\n', Entities));
}
