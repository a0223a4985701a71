using System.Security.Cryptography;
using StaticBriefs.FileSystem;

namespace StaticBriefs.Tests.Hostile;

/// <summary>
/// What a folder holds, as lstat sees it: a content hash per regular file, the target text of each link (never
/// followed), a marker for folders, pipes, sockets and devices (never opened), and for folders that cannot be listed.
/// Two equal snapshots mean nothing under the folder was written, moved, deleted or re-pointed.
/// </summary>
internal sealed record TreeSnapshot(IReadOnlyDictionary<string, string> Entries)
{
    private static readonly EnumerationOptions Everything = new() { AttributesToSkip = 0, IgnoreInaccessible = false };

    public static TreeSnapshot Of(string root, string exclude)
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            List<string> children;
            try
            {
                children = [.. Directory.EnumerateFileSystemEntries(folder, "*", Everything)];
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                entries[Relative(root, folder)] = "unlistable";
                continue;
            }
            foreach (var path in children)
            {
                var relative = Relative(root, path);
                if (relative == exclude || relative.StartsWith(exclude + "/", StringComparison.Ordinal)) continue;
                var kind = FileStatus.LStat(path, out _);
                entries[relative] = kind switch
                {
                    FileKind.Regular => "file " + Hash(path),
                    FileKind.SymbolicLink => "link -> " + new FileInfo(path).LinkTarget,
                    FileKind.Directory => "folder",
                    _ => kind.ToString(),
                };
                if (kind == FileKind.Directory) pending.Push(path);
            }
        }
        return new TreeSnapshot(entries);
    }

    /// <summary>The entries outside one top folder (e.g. everything but <c>output/</c>).</summary>
    public TreeSnapshot Without(string folder) =>
        new(Entries.Where(e => e.Key != folder && !e.Key.StartsWith(folder + "/", StringComparison.Ordinal))
            .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal));

    /// <summary>The entries under one top folder.</summary>
    public TreeSnapshot Only(string folder) =>
        new(Entries.Where(e => e.Key.StartsWith(folder + "/", StringComparison.Ordinal))
            .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal));

    /// <summary>Lines describing every difference, empty when equal.</summary>
    public IReadOnlyList<string> Differences(TreeSnapshot after)
    {
        var lines = new List<string>();
        foreach (var (path, before) in Entries)
        {
            if (!after.Entries.TryGetValue(path, out var now)) lines.Add($"removed {path} ({before})");
            else if (now != before) lines.Add($"changed {path}: {before} -> {now}");
        }
        lines.AddRange(after.Entries.Keys.Where(path => !Entries.ContainsKey(path)).Select(path => $"added {path} ({after.Entries[path]})"));
        return lines;
    }

    private static string Hash(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Convert.ToHexString(SHA256.HashData(stream))[..16];
        }
        catch (UnauthorizedAccessException)
        {
            return "unreadable " + new FileInfo(path).Length;
        }
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
