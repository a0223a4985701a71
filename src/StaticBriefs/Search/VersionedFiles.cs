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

    /// <summary>
    /// A file: its bytes, or where they are in a scratch file, or (a file known from the last version) how to make them;
    /// the hash of its bytes, and the key it is recorded by (null for one made from the hash).
    /// </summary>
    private readonly record struct Entry(
        string Path, byte[]? Bytes, ScratchFile? Scratch, long Offset, int Length, UInt128 Hash, string? Key = null, Func<byte[]>? Make = null);

    public void WriteText(string relativePath, string content) => WriteBytes(relativePath, Encoding.UTF8.GetBytes(content));

    public void WriteBytes(string relativePath, ReadOnlySpan<byte> content) => Add(relativePath, content, XxHash128.HashToUInt128(content), null);

    /// <summary>Writes a file made from what <paramref name="key"/> identifies (see <see cref="KnownFiles"/>).</summary>
    public void WriteKeyed(string relativePath, ReadOnlySpan<byte> content, UInt128 key)
    {
        var hash = XxHash128.HashToUInt128(content);
        Add(relativePath, content, hash, KnownFiles.RecordKey(key, hash));
    }

    /// <summary>
    /// Adds a file the last version holds under the same name, made from what <paramref name="key"/> identifies, with
    /// the hash and length recorded for it; <paramref name="make"/> makes its bytes should the sink not take it from there.
    /// </summary>
    public void AddKnown(string relativePath, UInt128 key, UInt128 hash, int length, Func<byte[]> make)
    {
        lock (_files) _files.Add(new Entry(relativePath, null, null, 0, length, hash, KnownFiles.RecordKey(key, hash), make));
    }

    private void Add(string relativePath, ReadOnlySpan<byte> content, UInt128 hash, string? key)
    {
        lock (_files)
        {
            if (_held + content.Length > _memoryBudget && Spill() is { } spill && spill.TryAppend(content) is { } offset)
            {
                SpilledBytes += content.Length;
                _files.Add(new Entry(relativePath, null, spill, offset, content.Length, hash, key));
                return;
            }
            _held += content.Length;
            _files.Add(new Entry(relativePath, content.ToArray(), null, 0, content.Length, hash, key));
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
        var linking = sink as Output.ILinkingSink;
        if (linking is not null && earlierFolder is not null && earlierFolder != folder)
            linking.TryMoveFolder(earlierFolder, folder, [.. _files.Select(f => (f.Path, f.Hash, f.Key))]);
        // Thousands of small files, each an open and a write: one core spent most of the stage waiting on them.
        Parallel.ForEach(_files, file =>
        {
            var earlierPath = earlierFolder is null ? null : earlierFolder + file.Path;
            if (file.Make is not null && linking is not null && earlierPath is not null && linking.TryKeepLike(folder + file.Path, file.Key!, earlierPath)) return;
            var rented = file.Bytes is null && file.Scratch is not null ? ArrayPool<byte>.Shared.Rent(file.Length) : null;
            try
            {
                ReadOnlySpan<byte> bytes = file.Bytes ?? (file.Scratch is { } scratch ? scratch.Read(file.Offset, rented.AsSpan(0, file.Length)) : file.Make!());
                // A file with a key of its own is recorded by it, for the next write to find (KnownFiles).
                if (linking is not null && (earlierPath is not null || file.Key is not null)) linking.WriteBytesLike(folder + file.Path, bytes, file.Hash, earlierPath, file.Key);
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
