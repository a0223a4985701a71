namespace StaticBriefs.Tests.Support;

/// <summary>Locates the repository the tests run from, so tests use the real theme, sample site and fixtures.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder holding <c>StaticBriefs.sln</c>.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The repository's theme folder.</summary>
    public static string Theme => Path.Combine(Root, "theme");

    /// <summary>The repository's sample site.</summary>
    public static string SampleInput => Path.Combine(Root, "input");

    /// <summary>The source (not build output) folder of the golden fixtures.</summary>
    public static string SourceFixtures => Path.Combine(Root, "tests", "StaticBriefs.Tests", "Fixtures");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StaticBriefs.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"no StaticBriefs.sln above {AppContext.BaseDirectory}");
    }
}
