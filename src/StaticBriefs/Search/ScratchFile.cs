namespace StaticBriefs.Search;

/// <summary>
/// A file of bytes appended one after another and read back by offset, deleted when closed (see
/// <see cref="VersionedFiles"/>). A failed write leaves it <see cref="Broken"/> and the caller keeps its bytes itself.
/// </summary>
internal sealed class ScratchFile : IDisposable
{
    private readonly FileStream _stream;
    private long _length;

    private ScratchFile(FileStream stream) => _stream = stream;

    /// <summary>True once a write failed (a full disk): nothing more is appended.</summary>
    public bool Broken { get; private set; }

    /// <summary>A new scratch file at <paramref name="path"/>, or null when it cannot be made.</summary>
    public static ScratchFile? Open(string path)
    {
        try
        {
            return new ScratchFile(new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose));
        }
        catch (Exception ex) when (Output.IoFailure.IsIo(ex))
        {
            return null;
        }
    }

    /// <summary>Appends <paramref name="bytes"/> (one caller at a time); their offset, or null when the write failed.</summary>
    public long? TryAppend(ReadOnlySpan<byte> bytes)
    {
        if (Broken) return null;
        try
        {
            RandomAccess.Write(_stream.SafeFileHandle, bytes, _length);
        }
        catch (Exception ex) when (Output.IoFailure.IsIo(ex))
        {
            Broken = true;
            return null;
        }
        var offset = _length;
        _length += bytes.Length;
        return offset;
    }

    /// <summary>Reads <paramref name="into"/>'s length of bytes from <paramref name="offset"/> (any thread); returns <paramref name="into"/>.</summary>
    public Span<byte> Read(long offset, Span<byte> into)
    {
        var read = 0;
        while (read < into.Length)
        {
            var got = RandomAccess.Read(_stream.SafeFileHandle, into[read..], offset + read);
            if (got == 0) throw new IOException("the search index's scratch file is shorter than was written to it");
            read += got;
        }
        return into;
    }

    public void Dispose() => _stream.Dispose();
}
