using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace StaticBriefs.Search;

/// <summary>Writes compact JSON files, named relative to the index's folder, to the sink and counts their bytes.</summary>
internal sealed class JsonFiles(Output.IOutputSink sink, string folder)
{
    // The files are fetched as JSON, never inlined into HTML, so only what JSON itself needs is escaped.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);

    internal long Bytes { get; private set; }

    internal int Files { get; private set; }

    /// <summary>Writes <c>&lt;folder&gt;&lt;relativePath&gt;</c>, e.g. <c>shards/0.json</c> under <c>search/</c>.</summary>
    internal void Write(string relativePath, Action<Utf8JsonWriter> body)
    {
        _buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_buffer, Options)) body(writer);
        sink.WriteBytes(folder + relativePath, _buffer.WrittenSpan);
        Bytes += _buffer.WrittenCount;
        Files++;
    }
}
