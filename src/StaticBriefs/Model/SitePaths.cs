namespace StaticBriefs.Model;

/// <summary>Site paths and the files that serve them.</summary>
public static class SitePaths
{
    /// <summary>Output file for a site path: "/briefs/x/" -> "briefs/x/index.html", "/2024/x.html" -> "2024/x.html".</summary>
    public static string FileFor(string sitePath) =>
        sitePath.EndsWith('/') ? sitePath.TrimStart('/') + "index.html" : sitePath.TrimStart('/');

    /// <summary>
    /// Site paths compared by the file they are written to (<see cref="FileFor"/>: <c>/x/</c> and <c>/x/index.html</c> are
    /// one), without making that file name for each.
    /// </summary>
    public static IEqualityComparer<string> SameFile { get; } = new SameFileComparer();

    private sealed class SameFileComparer : IEqualityComparer<string>
    {
        public bool Equals(string? x, string? y) =>
            x is null || y is null ? ReferenceEquals(x, y) : File(x).SequenceEqual(File(y));

        public int GetHashCode(string obj) => string.GetHashCode(File(obj), StringComparison.Ordinal);

        /// <summary>The file's name up to a last <c>index.html</c>: "x/" for "/x/" and "/x/index.html".</summary>
        private static ReadOnlySpan<char> File(string sitePath)
        {
            var path = sitePath.AsSpan().TrimStart('/');
            return path.EndsWith("/index.html", StringComparison.Ordinal) || path.SequenceEqual("index.html") ? path[..^"index.html".Length] : path;
        }
    }

    /// <summary>The folder a page's relative links and files are relative to: "/a/b/" -> "a/b/", "/a/b.html" -> "a/".</summary>
    public static string FolderOf(string sitePath)
    {
        var slash = sitePath.LastIndexOf('/');
        return sitePath[1..(slash + 1)];
    }
}
