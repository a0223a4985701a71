using System.Diagnostics;

namespace StaticBriefs.Tests.Search;

/// <summary>Paths into the repository and a way to run a script with the machine's node.</summary>
internal static class SearchTestSupport
{
    public static string RepoRoot { get; } = FindRoot();

    public static string SearchJs => Path.Combine(RepoRoot, "theme", "assets", "js", "search.js");

    public static string VectorsPath => Path.Combine(RepoRoot, "tests", "StaticBriefs.Tests", "Search", "normalization-vectors.json");

    /// <summary>Runs <paramref name="script"/> with node (present on CI) and returns its standard output.</summary>
    public static string RunNode(string script, string workingDirectory)
    {
        var file = Path.Combine(workingDirectory, "run-" + Guid.NewGuid().ToString("N") + ".js");
        File.WriteAllText(file, script);
        var start = new ProcessStartInfo(File.Exists("/usr/bin/node") ? "/usr/bin/node" : "node", [file])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(60_000)) { process.Kill(); throw new TimeoutException("node ran over a minute"); }
        if (process.ExitCode != 0) throw new InvalidOperationException($"node exited {process.ExitCode}: {stderr.Result}");
        return stdout;
    }

    /// <summary>A fresh folder under the temp directory, deleted on dispose (CI machines run the suite many times).</summary>
    public static TempFolder TempDirectory() => new(Path.Combine(Path.GetTempPath(), "sb-search-" + Guid.NewGuid().ToString("N")));

    internal sealed class TempFolder : IDisposable
    {
        public TempFolder(string path)
        {
            Path = path;
            Directory.CreateDirectory(path);
        }

        public string Path { get; }

        public void Dispose()
        {
            try { Directory.Delete(Path, recursive: true); }
            catch (IOException) { /* best effort: a leftover temp folder is not a test failure */ }
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StaticBriefs.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("StaticBriefs.sln not found above " + AppContext.BaseDirectory);
    }
}
