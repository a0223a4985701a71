using System.Collections.Concurrent;
using System.Text;
using StaticBriefs.Output;

namespace StaticBriefs.Tests.Search;

/// <summary>An output sink that keeps files in memory, keyed by site-relative path.</summary>
internal sealed class InMemoryOutputSink : IOutputSink
{
    public ConcurrentDictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    public void WriteText(string relativePath, string content) => Files[relativePath] = Encoding.UTF8.GetBytes(content);

    public void WriteBytes(string relativePath, ReadOnlySpan<byte> content) => Files[relativePath] = content.ToArray();

    public string Text(string relativePath) => Encoding.UTF8.GetString(Files[relativePath]);

    /// <summary>Copies every file under <paramref name="directory"/> so node can read them.</summary>
    public void SaveTo(string directory)
    {
        foreach (var (path, bytes) in Files)
        {
            var full = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }
    }
}
