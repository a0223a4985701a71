namespace StaticBriefs.Preview;

/// <summary>Decides which file-system events are worth a rebuild.</summary>
internal static class ChangeFilter
{
    /// <summary>
    /// True when <paramref name="fullPath"/> (below <paramref name="watchedRoot"/>) should be ignored:
    /// our own output and cache, VCS internals, and editor scratch files.
    /// </summary>
    public static bool IsIgnored(string watchedRoot, string fullPath)
    {
        var relative = Path.GetRelativePath(watchedRoot, fullPath);
        var parts = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);

        // Only folders below the watched root count: a site that itself lives in ".../output/site"
        // must still be watched.
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (IsIgnoredFolder(parts[i]))
            {
                return true;
            }
        }

        var name = parts[^1];
        return IsIgnoredFolder(name) || IsEditorTempFile(name);
    }

    private static bool IsIgnoredFolder(string name) =>
        name is "output" or ".staticbriefs" or ".git"
        // "output.*" are the staging/previous folders a build swaps in by rename; watching them
        // would turn every build into the cause of the next one.
        || name.StartsWith("output.", StringComparison.Ordinal);

    internal static bool IsEditorTempFile(string name) =>
        name.EndsWith('~')                                       // emacs, gedit, kate backups
        || name == "4913"                                        // vim's "can I write here" probe
        || name.EndsWith(".swp", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".swx", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".swo", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith(".#", StringComparison.Ordinal)      // emacs lock files
        || (name.Length > 1 && name[0] == '#' && name[^1] == '#') // emacs auto-save
        || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
        || name.Contains("___jb_", StringComparison.Ordinal)    // JetBrains safe-write
        || name is ".DS_Store" or "Thumbs.db";
}
