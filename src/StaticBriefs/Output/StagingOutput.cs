using System.Text;
using StaticBriefs.Diagnostics;

namespace StaticBriefs.Output;

/// <summary>
/// The write stage. Files go to a hidden staging folder beside <c>output/</c>; <see cref="Commit"/> swaps it in with
/// renames only when the whole build succeeded, so a failed build leaves the previous output untouched and a
/// finished one has no stale files.
/// </summary>
public sealed class StagingOutput : IOutputSink, IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(false);
    private readonly string _outputDirectory;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _directories = new(StringComparer.Ordinal);
    private readonly Diagnostics.WorkMeter? _meter;
    private bool _committed;
    private long _files;
    private long _bytes;

    /// <summary>Creates an empty staging folder next to <paramref name="outputDirectory"/>.</summary>
    public StagingOutput(string outputDirectory, Diagnostics.WorkMeter? meter = null)
    {
        _meter = meter;
        _outputDirectory = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(_outputDirectory) ?? ".";
        Directory.CreateDirectory(parent);
        StagingDirectory = Path.Combine(parent, "." + Path.GetFileName(_outputDirectory) + ".staging-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(StagingDirectory);
    }

    /// <summary>The folder being written.</summary>
    public string StagingDirectory { get; }

    /// <summary>Files written so far.</summary>
    public long FileCount => Interlocked.Read(ref _files);

    /// <summary>Bytes written so far.</summary>
    public long ByteCount => Interlocked.Read(ref _bytes);

    /// <inheritdoc/>
    public void WriteText(string relativePath, string content)
    {
        // Pages are tens of kilobytes each: encoding into a pooled buffer spares the collector a new array per page.
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(content.Length));
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
    public void WriteBytes(string relativePath, ReadOnlySpan<byte> content)
    {
        var started = Diagnostics.WorkMeter.Start();
        var path = FullPath(relativePath);
        EnsureDirectory(Path.GetDirectoryName(path)!);
        // One open and one positional write per file: no FileStream buffering, seeking or truncating, which
        // cost as much as the rendering itself when a build writes tens of thousands of pages.
        // Shared access: two briefs with one slug (SB005, already an error) render to one path from two workers;
        // a sharing violation there would crash the run and hide the report, and that staging folder is discarded.
        using (var handle = File.OpenHandle(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite))
        {
            RandomAccess.Write(handle, content, 0);
        }
        _meter?.Stop(Diagnostics.WorkKind.Write, started);
        Interlocked.Increment(ref _files);
        Interlocked.Add(ref _bytes, content.Length);
    }

    /// <summary>Copies a file as it is.</summary>
    public void CopyFile(string sourcePath, string relativePath)
    {
        var path = FullPath(relativePath);
        EnsureDirectory(Path.GetDirectoryName(path)!);
        File.Copy(sourcePath, path, overwrite: true);
        Interlocked.Increment(ref _files);
        Interlocked.Add(ref _bytes, new FileInfo(path).Length);
    }

    /// <summary>Replaces the output folder with the staging folder.</summary>
    public void Commit()
    {
        string? old = null;
        if (Directory.Exists(_outputDirectory))
        {
            old = StagingDirectory.Replace(".staging-", ".old-", StringComparison.Ordinal);
            Directory.Move(_outputDirectory, old);
        }
        Directory.Move(StagingDirectory, _outputDirectory);
        _committed = true;
        if (old is not null) TryDelete(old);
    }

    /// <summary>Removes the staging folder unless it was committed.</summary>
    public void Dispose()
    {
        if (!_committed) TryDelete(StagingDirectory);
    }

    /// <summary>Creates a folder once per build: most pages live in a folder of their own, so asking the file system every time doubles the system calls.</summary>
    private void EnsureDirectory(string directory)
    {
        if (_directories.ContainsKey(directory)) return;
        Directory.CreateDirectory(directory);
        _directories.TryAdd(directory, true);
    }

    private string FullPath(string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(StagingDirectory, relativePath));
        // A slug or file name can never be allowed to write outside the staging folder.
        if (!path.StartsWith(StagingDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"refusing to write outside the output folder: {relativePath}");
        return path;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Leftovers of a previous folder are harmless; the next build removes them (see CleanLeftovers).
        }
    }

    /// <summary>Removes staging and old folders that a killed build left behind.</summary>
    public static void CleanLeftovers(string outputDirectory, DiagnosticBag diagnostics)
    {
        var full = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(full);
        if (parent is null || !Directory.Exists(parent)) return;
        foreach (var leftover in Directory.EnumerateDirectories(parent, "." + Path.GetFileName(full) + ".*-*"))
        {
            try { Directory.Delete(leftover, recursive: true); }
            catch (IOException ex) { diagnostics.Warning(leftover, 0, DiagnosticCodes.IoError, $"could not remove a leftover build folder: {ex.Message}"); }
        }
    }
}
