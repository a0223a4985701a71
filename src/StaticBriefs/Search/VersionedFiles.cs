using System.IO.Hashing;
using System.Text;

namespace StaticBriefs.Search;

/// <summary>
/// Holds the index's files in memory until they are all made, so their folder can be named by a hash of their
/// content: the same index always lands in the same folder, a changed one in a new folder.
/// </summary>
internal sealed class VersionedFiles : Output.IOutputSink
{
    private readonly List<(string Path, byte[] Bytes)> _files = [];

    public void WriteText(string relativePath, string content) => WriteBytes(relativePath, Encoding.UTF8.GetBytes(content));

    public void WriteBytes(string relativePath, ReadOnlySpan<byte> content)
    {
        lock (_files) _files.Add((relativePath, content.ToArray()));
    }

    /// <summary>Adds <paramref name="later"/>'s files after this one's, as if they had been written here in that order.</summary>
    public void Append(VersionedFiles later)
    {
        lock (_files) _files.AddRange(later._files);
    }

    /// <summary>12 hex digits of a 128-bit hash over every file's name and bytes, in the order written.</summary>
    public string Version()
    {
        var hash = new XxHash128();
        foreach (var (path, bytes) in _files)
        {
            var name = Encoding.UTF8.GetBytes(path);
            hash.Append(BitConverter.GetBytes(name.Length));
            hash.Append(name);
            hash.Append(BitConverter.GetBytes(bytes.Length));
            hash.Append(bytes);
        }
        return Convert.ToHexStringLower(hash.GetCurrentHash())[..12];
    }

    /// <summary>
    /// Writes every file under <paramref name="folder"/> of <paramref name="sink"/> (thread-safe, as every sink is), on
    /// every core. A file whose bytes stand unchanged under <paramref name="earlierFolder"/> (the version before) is
    /// linked to there when the sink can.
    /// </summary>
    public void CopyTo(Output.IOutputSink sink, string folder, string? earlierFolder = null) =>
        // Thousands of small files, each an open and a write: one core spent most of the stage waiting on them.
        Parallel.ForEach(_files, file =>
        {
            if (earlierFolder is not null && sink is Output.ILinkingSink linking) linking.WriteBytesLike(folder + file.Path, file.Bytes, earlierFolder + file.Path);
            else sink.WriteBytes(folder + file.Path, file.Bytes);
        });
}
