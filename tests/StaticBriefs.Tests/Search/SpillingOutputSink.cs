using StaticBriefs.Output;

namespace StaticBriefs.Tests.Search;

/// <summary>An in-memory sink with a scratch folder, letting writers hold only <see cref="HoldInMemory"/> bytes.</summary>
internal sealed class SpillingOutputSink(string scratchFolder, long holdInMemory) : IScratchSink, IOutputSink
{
    public InMemoryOutputSink Memory { get; } = new();

    /// <summary>Paths handed out for scratch files.</summary>
    public List<string> ScratchFiles { get; } = [];

    public long HoldInMemory => holdInMemory;

    public string ScratchFile(string name)
    {
        var path = Path.Combine(scratchFolder, name + "-" + ScratchFiles.Count);
        lock (ScratchFiles) ScratchFiles.Add(path);
        return path;
    }

    public Dictionary<string, byte[]> Files => new(Memory.Files, StringComparer.Ordinal);

    public void WriteText(string relativePath, string content) => Memory.WriteText(relativePath, content);

    public void WriteBytes(string relativePath, ReadOnlySpan<byte> content) => Memory.WriteBytes(relativePath, content);
}
