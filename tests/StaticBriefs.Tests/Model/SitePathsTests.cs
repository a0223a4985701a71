using StaticBriefs.Model;

namespace StaticBriefs.Tests.Model;

public sealed class SitePathsTests
{
    private static readonly string[] Paths =
    [
        "/", "/index.html", "/x/", "/x/index.html", "/x", "/x.html", "/x/y/", "/x/y/index.html", "/x/index.htm",
        "/xindex.html", "/x/index.html/", "/X/", "/x//", "/a/b.html", "/a/b/index.html",
    ];

    [Fact]
    public void Same_file_compares_paths_as_the_files_they_are_written_to()
    {
        foreach (var a in Paths)
        {
            foreach (var b in Paths)
            {
                var same = SitePaths.FileFor(a) == SitePaths.FileFor(b);
                Assert.True(same == SitePaths.SameFile.Equals(a, b), $"{a} and {b}");
                if (same) Assert.Equal(SitePaths.SameFile.GetHashCode(a), SitePaths.SameFile.GetHashCode(b));
            }
        }
    }
}
