namespace StaticBriefs.Tests.Support;

/// <summary>Inodes of files and folders, through stat(1) (.NET shows none): a rename keeps one, a new file has its own.</summary>
internal static class Inodes
{
    /// <summary>The inode of one file or folder.</summary>
    public static string Of(string path) => Assert.Single(OfAll([path]));

    /// <summary>Every file's inode below <paramref name="folder"/>, by relative path with '/'.</summary>
    public static Dictionary<string, string> Below(string folder)
    {
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
        var inodes = OfAll(files);
        return files.Select((f, i) => (Path.GetRelativePath(folder, f).Replace('\\', '/'), inodes[i])).ToDictionary(p => p.Item1, p => p.Item2);
    }

    private static string[] OfAll(string[] paths)
    {
        var start = new System.Diagnostics.ProcessStartInfo("stat") { RedirectStandardOutput = true };
        foreach (var argument in (string[])["-c", "%i", "--", .. paths]) start.ArgumentList.Add(argument);
        using var stat = System.Diagnostics.Process.Start(start)!;
        var lines = stat.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        stat.WaitForExit();
        Assert.Equal(paths.Length, lines.Length);
        return lines;
    }
}
