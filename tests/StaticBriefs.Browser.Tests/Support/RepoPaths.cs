namespace StaticBriefs.Browser.Tests.Support;

/// <summary>Finds the repository's folders from the test binaries.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Input => Path.Combine(Root, "input");

    public static string Theme => Path.Combine(Root, "theme");

    public static string VnuJar => Path.Combine(Root, "tests", "StaticBriefs.Browser.Tests", "vnu", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    /// <summary>The Chromium the tests drive: <c>STATICBRIEFS_CHROMIUM</c> when set, else Debian's <c>/usr/bin/chromium</c>.</summary>
    public static string Chromium =>
        Environment.GetEnvironmentVariable("STATICBRIEFS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "StaticBriefs.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("StaticBriefs.sln not found above " + AppContext.BaseDirectory);
    }
}
