using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace StaticBriefs.Search;

/// <summary>
/// Writes compact JSON files, named relative to the index's folder, to the sink and counts their bytes. Given the files
/// an earlier write made into the same place (<paramref name="previous"/>), a file whose content is known to be the same
/// is kept rather than written (<see cref="Keep"/>), and <see cref="Stale"/> names those the earlier write made and this
/// one did not.
/// </summary>
internal sealed class JsonFiles(Output.IOutputSink sink, string folder, IReadOnlyDictionary<string, int>? previous = null) : IDisposable
{
    // The files are fetched as JSON, never inlined into HTML, so only what JSON itself needs is escaped.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly Dictionary<string, int> _made = new(StringComparer.Ordinal);
    private Utf8JsonWriter? _writer;

    internal long Bytes { get; private set; }

    internal int Files { get; private set; }

    /// <summary>Every file this write made (written or kept), relative to the folder, with its length in bytes.</summary>
    internal Dictionary<string, int> Made => _made;

    /// <summary>True when an earlier write was given, so unchanged files may be kept.</summary>
    internal bool Incremental => previous is not null;

    /// <summary>Writes <c>&lt;folder&gt;&lt;relativePath&gt;</c>, e.g. <c>shards/0.json</c> under <c>search/</c>.</summary>
    internal void Write(string relativePath, Action<Utf8JsonWriter> body)
    {
        Render(body);
        sink.WriteBytes(folder + relativePath, _buffer.WrittenSpan);
        Count(relativePath, _buffer.WrittenCount);
    }

    /// <summary>True when the files are held for a versioned folder, so they can be written with a key (<see cref="WriteKeyed"/>).</summary>
    internal bool Keyed => sink is VersionedFiles;

    /// <summary>
    /// Writes <c>&lt;folder&gt;&lt;relativePath&gt;</c> as <see cref="Write"/> does, made from what <paramref name="key"/>
    /// identifies: into a versioned folder, it is recorded by that key, and when <paramref name="known"/> finds the last
    /// version's file made from the same key, that file is taken rather than made (its bytes are made only if the sink
    /// cannot take it). <paramref name="body"/> may then run later, on another thread.
    /// </summary>
    internal void WriteKeyed(string relativePath, UInt128 key, KnownFiles? known, Action<Utf8JsonWriter> body)
    {
        if (sink is not VersionedFiles versioned)
        {
            Write(relativePath, body);
            return;
        }
        if (known?.Find(folder + relativePath, key) is var (hash, length))
        {
            versioned.AddKnown(folder + relativePath, key, hash, length, () => BytesOf(body));
            Count(relativePath, length);
            return;
        }
        Render(body);
        versioned.WriteKeyed(folder + relativePath, _buffer.WrittenSpan, key);
        Count(relativePath, _buffer.WrittenCount);
    }

    /// <summary>The bytes <paramref name="body"/> writes, in an array of their own (any thread).</summary>
    private static byte[] BytesOf(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(4 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, Options)) body(writer);
        return buffer.WrittenSpan.ToArray();
    }

    private void Render(Action<Utf8JsonWriter> body)
    {
        _buffer.ResetWrittenCount();
        // One writer for all the files, reset for each: thousands of small files.
        if (_writer is null) _writer = new Utf8JsonWriter(_buffer, Options);
        else _writer.Reset(_buffer);
        body(_writer);
        _writer.Flush();
    }

    private void Count(string relativePath, int length)
    {
        Bytes += length;
        Files++;
        _made[relativePath] = length;
    }

    /// <summary>
    /// Leaves the earlier write's file as it is, for a caller that knows its content would be the same; false when the
    /// earlier write did not make it (the caller writes it then).
    /// </summary>
    internal bool Keep(string relativePath)
    {
        if (previous is null || !previous.TryGetValue(relativePath, out var length)) return false;
        _made[relativePath] = length;
        Bytes += length;
        Files++;
        return true;
    }

    /// <summary>Site-relative paths of the files the earlier write made that this one did not: a clean write has none of them.</summary>
    internal List<string> Stale()
    {
        var stale = new List<string>();
        if (previous is null) return stale;
        foreach (var file in previous.Keys)
        {
            if (!_made.ContainsKey(file)) stale.Add(folder + file);
        }
        stale.Sort(StringComparer.Ordinal);
        return stale;
    }

    public void Dispose() => _writer?.Dispose();
}
