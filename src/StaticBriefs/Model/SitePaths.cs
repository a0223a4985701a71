namespace StaticBriefs.Model;

/// <summary>Site paths and the files that serve them.</summary>
public static class SitePaths
{
    /// <summary>Output file for a site path: "/briefs/x/" -> "briefs/x/index.html", "/2024/x.html" -> "2024/x.html".</summary>
    public static string FileFor(string sitePath) =>
        sitePath.EndsWith('/') ? sitePath.TrimStart('/') + "index.html" : sitePath.TrimStart('/');

    /// <summary>The folder a page's relative links and files are relative to: "/a/b/" -> "a/b/", "/a/b.html" -> "a/".</summary>
    public static string FolderOf(string sitePath)
    {
        var slash = sitePath.LastIndexOf('/');
        return sitePath[1..(slash + 1)];
    }
}
