using System.Buffers;
using System.IO.Hashing;
using System.Text;

namespace StaticBriefs.Search;

/// <summary>
/// Holds the index's files until they are all made, so their folder can be named by a hash of their content: the same
/// index always lands in the same folder, a changed one in a new folder. Up to the sink's
/// <see cref="Output.IScratchSink.HoldInMemory"/> bytes are held in memory, the rest in a scratch file in the build's
/// work folder (a sink without one: all in memory): 100,000 briefs make 1.1 GB of index, which held in memory took the build's
/// peak from 1.2 to 2.7 GiB.
/// </summary>
internal sealed class VersionedFiles : Output.IOutputSink, IDisposable
{
    private readonly List<Entry> _files = [];
    private readonly List<ScratchFile> _scratchFiles = [];
    private readonly Output.IScratchSink? _scratch;
    private readonly long _memoryBudget;
    private ScratchFile? _spill;
    private bool _scratchFailed;
    private long _held;

    /// <summary>Files held in memory only.</summary>
    public VersionedFiles() : this(null) { }

    /// <summary>
    /// Files held in memory up to <paramref name="scratch"/>'s <see cref="Output.IScratchSink.HoldInMemory"/> bytes,
    /// the rest in a scratch file of <paramref name="scratch"/>; all in memory without one.
    /// </summary>
    public VersionedFiles(Output.IScratchSink? scratch)
    {
        _scratch = scratch;
        _memoryBudget = scratch?.HoldInMemory ?? long.MaxValue;
    }

    /// <summary>Bytes of the files that went to the scratch file.</summary>
    public long SpilledBytes { get; private set; }

    /// <summary>A file: its bytes, or where they are in a scratch file; and the hash of its bytes.</summary>
    private readonly record struct Entry(string Path, byte[]? Bytes, ScratchFile? Scratch, long Offset, int Length, UInt128 Hash);

    public void WriteText(string relativePath, string content) => WriteBytes(relativePath, Encoding.UTF8.GetBytes(content));

    public void WriteBytes(string relativePath, ReadOnlySpan<byte> content)
    {
        var hash = XxHash128.HashToUInt128(content);
        lock (_files)
        {
            if (_held + content.Length > _memoryBudget && Spill() is { } spill && spill.TryAppend(content) is { } offset)
            {
                SpilledBytes += content.Length;
                _files.Add(new Entry(relativePath, null, spill, offset, content.Length, hash));
                return;
            }
            _held += content.Length;
            _files.Add(new Entry(relativePath, content.ToArray(), null, 0, content.Length, hash));
        }
    }

    /// <summary>The scratch file, opened when first needed; null without one (or when it could not be made: then memory).</summary>
    private ScratchFile? Spill()
    {
        // Opened once: a scratch file that could not be made is not tried again for each file after it.
        if (_spill is null && _scratch is not null && !_scratchFailed)
        {
            _spill = ScratchFile.Open(_scratch.ScratchFile("search"));
            if (_spill is null) _scratchFailed = true;
            else _scratchFiles.Add(_spill);
        }
        return _spill is { Broken: false } ? _spill : null;
    }

    /// <summary>
    /// Adds <paramref name="later"/>'s files after this one's, as if they had been written here in that order; its
    /// scratch file is this one's to close from now on.
    /// </summary>
    public void Append(VersionedFiles later)
    {
        lock (_files)
        {
            _files.AddRange(later._files);
            _scratchFiles.AddRange(later._scratchFiles);
            SpilledBytes += later.SpilledBytes;
            later._scratchFiles.Clear();
        }
    }

    /// <summary>12 hex digits of a 128-bit hash over every file's name, length and bytes' hash, in the order written.</summary>
    public string Version()
    {
        var hash = new XxHash128();
        Span<byte> number = stackalloc byte[16];
        foreach (var file in _files)
        {
            var name = Encoding.UTF8.GetBytes(file.Path);
            hash.Append(BitConverter.GetBytes(name.Length));
            hash.Append(name);
            hash.Append(BitConverter.GetBytes(file.Length));
            System.Buffers.Binary.BinaryPrimitives.WriteUInt128LittleEndian(number, file.Hash);
            hash.Append(number);
        }
        return Convert.ToHexStringLower(hash.GetCurrentHash())[..12];
    }

    /// <summary>
    /// Writes every file under <paramref name="folder"/> of <paramref name="sink"/> (thread-safe, as every sink is), on
    /// every core. A file whose bytes stand unchanged under <paramref name="earlierFolder"/> (the version before) is
    /// brought by moving that folder to the new name at the commit, when the sink can; else linked to there, when the
    /// sink can.
    /// </summary>
    public void CopyTo(Output.IOutputSink sink, string folder, string? earlierFolder = null)
    {
        if (earlierFolder is not null && earlierFolder != folder && sink is Output.ILinkingSink mover) mover.TryMoveFolder(earlierFolder, folder, [.. _files.Select(f => (f.Path, f.Hash))]);
        // Thousands of small files, each an open and a write: one core spent most of the stage waiting on them.
        Parallel.ForEach(_files, file =>
        {
            var rented = file.Bytes is null ? ArrayPool<byte>.Shared.Rent(file.Length) : null;
            try
            {
                ReadOnlySpan<byte> bytes = file.Bytes ?? file.Scratch!.Read(file.Offset, rented.AsSpan(0, file.Length));
                if (earlierFolder is not null && sink is Output.ILinkingSink linking) linking.WriteBytesLike(folder + file.Path, bytes, file.Hash, earlierFolder + file.Path);
                else sink.WriteBytes(folder + file.Path, bytes);
            }
            finally
            {
                if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
            }
        });
    }

    /// <summary>Closes and deletes the scratch files.</summary>
    public void Dispose()
    {
        foreach (var file in _scratchFiles) file.Dispose();
        _scratchFiles.Clear();
    }
}
