using StaticBriefs.Output;

namespace StaticBriefs.Benchmarks;

/// <summary>An output sink that only counts what it is given, so a stage is measured without disk writes.</summary>
internal sealed class MemorySink : IOutputSink
{
    private long _bytes;
    private int _files;

    public long Bytes => Interlocked.Read(ref _bytes);
    public int Files => Volatile.Read(ref _files);

    public void WriteText(string relativePath, string content)
    {
        Interlocked.Add(ref _bytes, content.Length);
        Interlocked.Increment(ref _files);
    }

    public void WriteBytes(string relativePath, ReadOnlySpan<byte> content)
    {
        Interlocked.Add(ref _bytes, content.Length);
        Interlocked.Increment(ref _files);
    }
}
