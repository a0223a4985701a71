using System.Globalization;

namespace StaticBriefs.Benchmarks;

/// <summary>The few <c>--name value</c> options the benchmark commands take.</summary>
internal static class BenchArgs
{
    public static int Int(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    public static string? Text(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    /// <summary>Walks up from the program's folder to the folder holding <c>StaticBriefs.sln</c>.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StaticBriefs.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"no StaticBriefs.sln above {AppContext.BaseDirectory}");
    }
}
