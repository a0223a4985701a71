namespace StaticBriefs.Output;

/// <summary>
/// Paths compared as the file system sees them: every symbolic link in the part that exists is resolved, so
/// <c>output -> input</c> or a parent folder reached through a link is recognised for what it is.
/// </summary>
internal static class RealPaths
{
    /// <summary>
    /// The real path of <paramref name="path"/>: links resolved in its longest existing prefix, the missing rest
    /// appended as written (after <c>.</c> and <c>..</c> are folded).
    /// </summary>
    public static string Of(string path)
    {
        var full = Trim(Path.GetFullPath(path));
        if (OperatingSystem.IsWindows()) return full;
        var missing = new Stack<string>();
        for (var existing = full; ; existing = Path.GetDirectoryName(existing)!)
        {
            if (Posix.RealPath(existing) is { } real)
            {
                var result = real;
                while (missing.Count > 0) result = Path.Combine(result, missing.Pop());
                return Trim(result);
            }
            if (Path.GetDirectoryName(existing) is null) return full;
            missing.Push(Path.GetFileName(existing));
        }
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or lies anywhere below it (both real).</summary>
    public static bool IsSameOrInside(string path, string folder) =>
        path == folder || path.StartsWith(folder == "/" ? "/" : folder + "/", StringComparison.Ordinal);

    private static string Trim(string path) => path.Length > 1 ? path.TrimEnd(Path.DirectorySeparatorChar) : path;
}
