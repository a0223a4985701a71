using System.Globalization;

namespace StaticBriefs.Rendering.Views;

/// <summary>Turns site-relative paths into links under the base path, and into absolute permalinks.</summary>
public sealed class UrlBuilder(Uri baseUrl)
{
    private readonly string _basePath = baseUrl.AbsolutePath.EndsWith('/') ? baseUrl.AbsolutePath : baseUrl.AbsolutePath + "/";
    private readonly string _origin = baseUrl.GetLeftPart(UriPartial.Authority);

    /// <summary>The base path ('/' or '/briefs-site/').</summary>
    public string BasePath => _basePath;

    /// <summary>"/briefs/x/" -> "/briefs-site/briefs/x/".</summary>
    public string Link(string sitePath) => _basePath + sitePath.TrimStart('/');

    /// <summary>"/briefs/x/" -> "https://example.org/briefs-site/briefs/x/".</summary>
    public string Permalink(string sitePath) => _origin + Link(sitePath);

    /// <summary>Site path of page <paramref name="number"/> of a listing at <paramref name="listingPath"/>.</summary>
    public static string PagePath(string listingPath, int number) =>
        number <= 1 ? listingPath : listingPath + "page/" + number.ToString(CultureInfo.InvariantCulture) + "/";

    /// <summary>Output file for a site path: "/briefs/x/" -> "briefs/x/index.html".</summary>
    public static string FileFor(string sitePath) => Model.SitePaths.FileFor(sitePath);
}
