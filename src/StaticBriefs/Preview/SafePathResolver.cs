namespace StaticBriefs.Preview;

/// <summary>Outcome of mapping request segments onto the output folder.</summary>
internal enum ResolveStatus
{
    File,
    Directory,
    Missing,
    Outside,
}

/// <summary>
/// Maps request segments to a real path inside the output folder, following symlinks the way
/// the operating system does and refusing any step whose real path leaves the folder.
/// </summary>
internal static class SafePathResolver
{
    // Same bound as Linux's MAXSYMLINKS: a loop of links ends as "missing" rather than spinning.
    private const int MaxLinkHops = 40;

    private static readonly StringComparison PathComparison =
        OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    /// <summary>Real path of the output folder, or null when it does not exist right now.</summary>
    public static string? RealRoot(string root)
    {
        // Re-resolved per request, never cached: the folder may be a symlink or be renamed over by a build.
        var realRoot = RealPath(Path.GetFullPath(root));
        return realRoot is not null && Directory.Exists(realRoot) ? realRoot : null;
    }

    /// <summary>Resolves <paramref name="segments"/> below <paramref name="start"/>, staying inside <paramref name="realRoot"/>.</summary>
    public static ResolveStatus Resolve(string realRoot, string start, ReadOnlySpan<string> segments, out string realPath)
    {
        realPath = string.Empty;
        var current = start;
        foreach (var segment in segments)
        {
            var next = RealPath(Path.Join(current, segment));
            if (next is null)
            {
                return ResolveStatus.Missing;
            }

            // Checked after every segment, so a directory link that points outside is refused even
            // when the final file would look harmless.
            if (!IsWithin(next, realRoot))
            {
                return ResolveStatus.Outside;
            }

            current = next;
        }

        realPath = current;
        if (File.Exists(current))
        {
            return ResolveStatus.File;
        }

        return Directory.Exists(current) ? ResolveStatus.Directory : ResolveStatus.Missing;
    }

    /// <summary>
    /// A portable realpath(3): walks components, expanding each symlink's target relative to the
    /// already-resolved parent, so "link/.." means what the kernel thinks it means. Returns null
    /// for link loops. Missing components are not an error here; callers check existence.
    /// </summary>
    internal static string? RealPath(string fullPath)
    {
        var rootPart = Path.GetPathRoot(fullPath);
        if (string.IsNullOrEmpty(rootPart))
        {
            return null;
        }

        var pending = new Stack<string>();
        PushComponents(pending, fullPath[rootPart.Length..]);
        var current = rootPart;
        var hops = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var candidate = Path.Join(current, part);
            var target = new FileInfo(candidate).LinkTarget;
            if (target is null)
            {
                current = candidate;
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                return null;
            }

            var targetRoot = Path.GetPathRoot(target);
            if (!string.IsNullOrEmpty(targetRoot))
            {
                current = targetRoot;
                target = target[targetRoot.Length..];
            }

            PushComponents(pending, target);
        }

        return current;
    }

    internal static bool IsWithin(string path, string root)
    {
        if (path.Equals(root, PathComparison))
        {
            return true;
        }

        var prefix = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, PathComparison);
    }

    private static void PushComponents(Stack<string> pending, string relative)
    {
        var parts = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            pending.Push(parts[i]);
        }
    }
}
