using System.Security.Cryptography;
using System.Text;
using StaticBriefs.Output;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Output;

/// <summary>Helpers for the output folder's tests: requests for a test site, and a hash of every entry of a tree.</summary>
internal static class OutputTestSupport
{
    /// <summary>
    /// How long a test's open waits for the folder's lock. Never zero: other tests in this process start child
    /// processes, and a child forked while a test held the lock shares its open folder until it runs its program
    /// (close-on-exec), so the lock outlives the test's own release by that moment. A test that wants a refusal holds
    /// the lock itself and asks with no wait.
    /// </summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);

    /// <summary>A request for the test site's output folder, guarded like a real build of it.</summary>
    public static OutputRequest Request(TestSite site, string? output = null) =>
        new(output ?? site.OutputDirectory, new GuardedFolders(site.InputDirectory, RepoPaths.Theme, Path.Combine(site.Root, ".staticbriefs", "cache"), null, Directory.GetCurrentDirectory(), null))
        {
            LockTimeout = LockWait,
        };

    /// <summary>A request for an <see cref="OutputSite"/>'s output folder, guarded like a real build of it; waiting for the lock as <see cref="LockWait"/> says.</summary>
    public static OutputRequest Request(OutputSite site) =>
        new(site.Output, new GuardedFolders(site.Input, site.Theme, site.At(".staticbriefs/cache"), null, Directory.GetCurrentDirectory(), null))
        {
            LockTimeout = LockWait,
        };

    /// <summary>
    /// One hash over every entry below <paramref name="root"/>, links not followed: each path, its kind, and a file's
    /// bytes or a link's target. Equal hashes mean the tree was left exactly as it was.
    /// </summary>
    public static string TreeHash(string root, Func<string, bool>? skip = null)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, description) in Entries(root))
        {
            if (skip?.Invoke(path) == true) continue;
            sha.AppendData(Encoding.UTF8.GetBytes(path + "\0" + description + "\0"));
            if (description == "file") sha.AppendData(File.ReadAllBytes(Path.Combine(root, path)));
        }
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    /// <summary>Every entry below <paramref name="root"/> as (relative path, "file" / "folder" / "link -> target"), ordinal order.</summary>
    public static List<(string Path, string Description)> Entries(string root)
    {
        var entries = new List<(string, string)>();
        Walk(root, "", entries);
        entries.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return entries;
    }

    private static void Walk(string root, string folder, List<(string, string)> entries)
    {
        foreach (var entry in new DirectoryInfo(Path.Combine(root, folder)).EnumerateFileSystemInfos())
        {
            var relative = folder.Length == 0 ? entry.Name : folder + "/" + entry.Name;
            if (entry.LinkTarget is { } target) entries.Add((relative, "link -> " + target));
            else if (entry is DirectoryInfo)
            {
                entries.Add((relative, "folder"));
                Walk(root, relative, entries);
            }
            else entries.Add((relative, "file"));
        }
    }
}
