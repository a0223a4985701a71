using System.Collections.Concurrent;
using System.Text;
using StaticBriefs.Diagnostics;

namespace StaticBriefs.Output;

/// <summary>
/// The write stage. Files go to the staging tree of a work folder (see <see cref="OutputFolder"/>); the output folder
/// changes only when <see cref="OutputFolder.Commit"/> takes it, after the whole build succeeded. A file that cannot
/// be written (disk full, permission denied, path too long) is reported as an SB023 error naming it and the build
/// fails with the old output untouched.
/// </summary>
public sealed class StagingOutput : IOutputSink, IScratchSink, IDisposable
{
    /// <summary>Failures listed one by one; after that one line says more followed (a full disk fails every file).</summary>
    private const int ListedFailures = 10;
    private static readonly UTF8Encoding Utf8 = new(false);
    private readonly string _displayRoot;
    private readonly DiagnosticBag _diagnostics;
    private readonly ConcurrentDictionary<string, bool> _directories = new(StringComparer.Ordinal);
    private int _foldersMade;
    private readonly ConcurrentDictionary<string, byte> _files = new(StringComparer.Ordinal);
    private readonly WorkMeter? _meter;
    private long _fileCount;
    private long _bytes;
    private int _failures;

    internal StagingOutput(WorkFolder work, string displayRoot, DiagnosticBag diagnostics, WorkMeter? meter)
    {
        Work = work;
        _displayRoot = displayRoot;
        _diagnostics = diagnostics;
        _meter = meter;
        StagingDirectory = work.Site;
        _rootIsFull = Path.GetFullPath(StagingDirectory) == StagingDirectory;
    }

    /// <summary>True when <see cref="StagingDirectory"/> is already a full, normal path (it always is: a work folder's).</summary>
    private readonly bool _rootIsFull;

    /// <summary>The folder being written.</summary>
    public string StagingDirectory { get; }

    /// <summary>How many times a folder was asked of the system (once a folder, unless two workers raced for one).</summary>
    internal int FoldersMade => Volatile.Read(ref _foldersMade);

    /// <summary>Files written so far.</summary>
    public long FileCount => Interlocked.Read(ref _fileCount);

    /// <summary>Bytes written so far.</summary>
    public long ByteCount => Interlocked.Read(ref _bytes);

    /// <summary>True when a file could not be written (the build has failed).</summary>
    public bool Failed => Volatile.Read(ref _failures) > 0;

    internal WorkFolder Work { get; }

    /// <summary>Every file written, relative with '/'.</summary>
    internal ICollection<string> Files => _files.Keys;

    /// <summary>True when <paramref name="relative"/> was written here.</summary>
    internal bool Holds(string relative) => _files.ContainsKey(relative);

    private readonly List<FolderMove> _moves = [];
    private readonly ConcurrentDictionary<string, byte> _carried = new(StringComparer.Ordinal);

    /// <summary>Folders of the output the commit renames before it moves the staged files in (see <see cref="FolderMove"/>).</summary>
    internal IReadOnlyList<FolderMove> Moves
    {
        get
        {
            lock (_moves) return [.. _moves];
        }
    }

    /// <summary>
    /// Files of the new site that no bytes were staged for: each stands unchanged below a moved folder, and the move
    /// brings it to its new name.
    /// </summary>
    internal ICollection<string> Carried => _carried.Keys;

    /// <summary>True when <paramref name="relative"/> comes with a folder move (see <see cref="Carried"/>).</summary>
    internal bool Carries(string relative) => _carried.ContainsKey(relative);

    /// <summary>Plans <paramref name="move"/> for the commit; the output folder checked that it can be made (<see cref="OutputFolder.CanMove"/>).</summary>
    internal void Move(FolderMove move)
    {
        lock (_moves) _moves.Add(move);
    }

    /// <summary>Notes that <paramref name="relative"/> (below a moved folder's new name) comes with the move, unchanged.</summary>
    internal void Carry(string relative) => _carried.TryAdd(relative, 0);

    /// <inheritdoc/>
    string IScratchSink.ScratchFile(string name) => Path.Combine(Work.Path, $"scratch-{name}-{Guid.NewGuid():N}");

    /// <summary>Set by the committer once the tree belongs to the output folder (or was consumed by it).</summary>
    internal bool Committed { get; set; }

    /// <summary>
    /// Room for the UTF-8 of <paramref name="content"/>: three bytes a character for a page, with nothing counted, and
    /// the count itself for a large text (a sitemap of 14,000 URLs is 1.5 MB, and room for three times as much, rounded
    /// up by the pool, was 8 MB of memory never touched before).
    /// </summary>
    private static int BufferFor(string content) =>
        content.Length <= LargeText ? Utf8.GetMaxByteCount(content.Length) : Utf8.GetByteCount(content);

    /// <inheritdoc cref="BufferFor(string)"/>
    private static int BufferFor(System.Text.StringBuilder content)
    {
        if (content.Length <= LargeText) return Utf8.GetMaxByteCount(content.Length);
        // Each chunk counted on its own: a surrogate pair split between two counts 6 bytes for 4, enough room.
        var bytes = 0;
        foreach (var chunk in content.GetChunks()) bytes += Utf8.GetByteCount(chunk.Span);
        return bytes;
    }

    private const int LargeText = 1 << 16;

    /// <inheritdoc/>
    public void WriteText(string relativePath, string content)
    {
        // Pages are tens of kilobytes each: encoding into a pooled buffer spares the collector a new array per page.
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(BufferFor(content));
        try
        {
            var length = Utf8.GetBytes(content, buffer);
            WriteBytes(relativePath, buffer.AsSpan(0, length));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <inheritdoc/>
    public void WriteText(string relativePath, System.Text.StringBuilder content)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(BufferFor(content));
        try
        {
            // One encoder across the chunks, so a surrogate pair split between two is encoded whole.
            var encoder = Utf8.GetEncoder();
            var length = 0;
            foreach (var chunk in content.GetChunks())
                length += encoder.GetBytes(chunk.Span, buffer.AsSpan(length), flush: false);
            length += encoder.GetBytes([], buffer.AsSpan(length), flush: true);
            WriteBytes(relativePath, buffer.AsSpan(0, length));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <inheritdoc/>
    public void WriteBytes(string relativePath, ReadOnlySpan<byte> content)
    {
        var started = WorkMeter.Start();
        var (path, relative) = FullPath(relativePath);
        if (GaveUp) return;
        try
        {
            EnsureDirectory(Path.GetDirectoryName(path)!);
            // One open, one write and one close per file: no FileStream buffering, seeking or truncating, which cost
            // as much as the rendering itself when a build writes tens of thousands of pages. No lock either: two
            // briefs with one slug (SB005, already an error) render to one path from two workers; a sharing violation
            // there would crash the run and hide the report, and that staging folder is discarded.
            Posix.WriteFile(path, content);
        }
        catch (Exception ex) when (IoFailure.IsIo(ex))
        {
            Fail(relative, "cannot write this output file", ex);
            return;
        }
        _meter?.Stop(WorkKind.Write, started);
        Record(relative, content.Length);
    }

    /// <summary>
    /// Stages <paramref name="relativePath"/> as a hard link to <paramref name="existing"/> (a file of
    /// <paramref name="length"/> bytes); false when the link cannot be made (nothing is staged then).
    /// </summary>
    internal bool TryLinkTo(string existing, string relativePath, long length) => Link(existing, relativePath, length) == LinkResult.Linked;

    /// <summary>
    /// Stages <paramref name="content"/> at <paramref name="relativePath"/> as a second name of <paramref name="existing"/>,
    /// a file outside the staging tree known to hold exactly these bytes (the caller checked): no bytes written. Where
    /// no hard link can be made, the bytes are written as by <see cref="WriteBytes"/>. True when the file is a link
    /// (the same file as <paramref name="existing"/>, so of its size and write time).
    /// </summary>
    internal bool WriteBytesAsLinkTo(string existing, string relativePath, ReadOnlySpan<byte> content)
    {
        var result = Link(existing, relativePath, content.Length);
        if (result == LinkResult.NotLinked) WriteBytes(relativePath, content);
        return result == LinkResult.Linked;
    }

    private enum LinkResult { Linked, NotLinked, Failed }

    private LinkResult Link(string existing, string relativePath, long length)
    {
        var started = WorkMeter.Start();
        var (path, relative) = FullPath(relativePath);
        if (GaveUp) return LinkResult.Failed;
        try
        {
            EnsureDirectory(Path.GetDirectoryName(path)!);
            if (!Posix.TryLink(existing, path)) return LinkResult.NotLinked;
        }
        catch (Exception ex) when (IoFailure.IsIo(ex))
        {
            Fail(relative, "cannot write this output file", ex);
            return LinkResult.Failed;
        }
        _meter?.Stop(WorkKind.Write, started);
        Record(relative, length);
        return LinkResult.Linked;
    }

    /// <summary>Copies a file as it is.</summary>
    public void CopyFile(string sourcePath, string relativePath)
    {
        var (path, relative) = FullPath(relativePath);
        if (GaveUp) return;
        try
        {
            EnsureDirectory(Path.GetDirectoryName(path)!);
            File.Copy(sourcePath, path, overwrite: true);
            Record(relative, new FileInfo(path).Length);
        }
        catch (Exception ex) when (IoFailure.IsIo(ex))
        {
            Fail(relative, $"cannot copy {sourcePath} to this output file", ex);
        }
    }

    /// <summary>Removes the work folder unless the commit took it.</summary>
    public void Dispose()
    {
        if (Committed) return;
        try
        {
            Work.Delete();
        }
        catch (Exception ex) when (IoFailure.IsIo(ex))
        {
            // A work folder that cannot be removed now carries its marker: the next build removes it.
        }
    }

    private bool GaveUp => Volatile.Read(ref _failures) > ListedFailures;

    private void Record(string relative, long length)
    {
        _files.TryAdd(relative, 0);
        Interlocked.Increment(ref _fileCount);
        Interlocked.Add(ref _bytes, length);
    }

    private void Fail(string relative, string what, Exception ex)
    {
        var count = Interlocked.Increment(ref _failures);
        if (count <= ListedFailures)
            _diagnostics.Add(IoFailure.Error(_displayRoot + "/" + relative, what + "; the previous output is untouched", ex));
        else if (count == ListedFailures + 1)
            _diagnostics.Error(_displayRoot, 0, DiagnosticCodes.OutputWriteFailed,
                $"more output files could not be written ({IoFailure.Describe(ex)}); only the first {ListedFailures} are listed");
    }

    /// <summary>Creates a folder once per build: most pages live in a folder of their own, so asking the file system every time doubles the system calls.</summary>
    /// <summary>
    /// True when <paramref name="relativePath"/> is names joined by single '/' (no '.' or '..', no empty name, no '\\' or
    /// NUL), on a system whose separator is '/': joined to a full root it is already what <see cref="Path.GetFullPath(string)"/>
    /// would make of it. Every file of a build passes here, and normalising 39,000 paths that need nothing was a percent
    /// of a cached build's samples.
    /// </summary>
    internal static bool IsPlainRelative(string relativePath)
    {
        if (Path.DirectorySeparatorChar != '/' || relativePath.Length == 0) return false;
        var start = 0;
        while (true)
        {
            var end = relativePath.IndexOf('/', start);
            var name = relativePath.AsSpan(start, (end < 0 ? relativePath.Length : end) - start);
            if (name.Length == 0 || name is "." or ".." || name.IndexOfAny('\\', '\0') >= 0) return false;
            if (end < 0) return true;
            start = end + 1;
        }
    }

    private void EnsureDirectory(string directory)
    {
        if (_directories.ContainsKey(directory)) return;
        // Parents first, each made once: making a folder whose parent is missing fails before the runtime makes the
        // parents, and a parent made that way was asked for again when a page was written into it (the Rust blog's
        // 750 posts: 4,573 calls, 1,723 of them failing; now 2,853, 3 failing where two workers met).
        var parent = Path.GetDirectoryName(directory);
        if (parent is not null && parent.Length > StagingDirectory.Length) EnsureDirectory(parent);
        Directory.CreateDirectory(directory);
        Interlocked.Increment(ref _foldersMade);
        _directories.TryAdd(directory, true);
    }

    private (string Path, string Relative) FullPath(string relativePath)
    {
        var path = IsPlainRelative(relativePath) && _rootIsFull ? StagingDirectory + "/" + relativePath
            : Path.GetFullPath(Path.Combine(StagingDirectory, relativePath));
        // A slug or file name can never be allowed to write outside the staging folder.
        if (!path.StartsWith(StagingDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"refusing to write outside the output folder: {relativePath}");
        var relative = path[(StagingDirectory.Length + 1)..].Replace('\\', '/');
        // The names StaticBriefs keeps for itself at the root of the output folder.
        if (relative is OwnedFiles.FileName or CommitJournal.InTreeName || relative.StartsWith(WorkFolder.InsidePrefix, StringComparison.Ordinal))
            throw new InvalidOperationException($"refusing to write a file StaticBriefs keeps for itself: {relativePath}");
        return (path, relative);
    }
}
