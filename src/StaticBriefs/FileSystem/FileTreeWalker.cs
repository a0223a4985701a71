using System.Collections.Immutable;
using System.Text;
using StaticBriefs.Diagnostics;

namespace StaticBriefs.FileSystem;

/// <summary>A regular file the walker found safe to read.</summary>
/// <param name="Relative">Path relative to the walk's start, with '/', as the site names it.</param>
/// <param name="ReadPath">Where to read it: its canonical path, links already resolved and checked.</param>
public sealed record TreeFile(string Relative, string ReadPath);

/// <summary>
/// Lists a folder the way an untrusted one must be listed: only regular files are returned; a symbolic link is
/// followed only when its canonical target stays inside the boundary; pipes, sockets and devices are reported and
/// never opened; loops, dangling links, names that are not UTF-8 and paths that are too long are reported with the
/// path, every one of them, and the walk goes on. Iterative, so a deep tree cannot overflow the stack.
/// </summary>
public static class FileTreeWalker
{
    /// <summary>Folders deeper than this below the start are not walked (reported).</summary>
    public const int MaxDepth = 64;

    /// <summary>Files and folders met in one walk, links followed, before the walk stops (a link multiplying a tree).</summary>
    public const int MaxEntries = 1_000_000;

    /// <summary>Longest path Linux accepts, in bytes, without its terminating zero.</summary>
    public const int MaxPathBytes = 4095;

    private static readonly EnumerationOptions Everything = new()
    {
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        RecurseSubdirectories = false,
        ReturnSpecialDirectories = false,
    };

    /// <summary>
    /// Walks <paramref name="start"/>. A link must resolve inside <paramref name="boundary"/> (the input or theme
    /// folder) to be followed. <paramref name="include"/> decides by relative path and name before anything is
    /// looked at (hidden names). Diagnostics name paths as <paramref name="display"/> + relative path.
    /// </summary>
    public static IReadOnlyList<TreeFile> Walk(
        string start, string boundary, string display, Func<string, bool> include, DiagnosticBag diagnostics)
    {
        var files = new List<TreeFile>();
        var boundaryReal = FileStatus.RealPath(boundary, out _) ?? Path.GetFullPath(boundary);
        var startReal = FileStatus.RealPath(start, out _);
        if (startReal is null || FileStatus.Stat(startReal, out _) != FileKind.Directory) return files;
        if (!IsInside(startReal, boundaryReal))
        {
            diagnostics.Add(new Diagnostic(Severity.Warning, Printable(display.TrimEnd('/')), 0, 0, DiagnosticCodes.LinkOutside,
                $"links to '{startReal}', outside the folder it is in, so nothing in it is read"));
            return files;
        }

        var walk = new Walker(boundaryReal, display, include, diagnostics, files);
        walk.Run(startReal);
        files.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));
        return files;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="root"/> or inside it (both canonical).</summary>
    public static bool IsInside(string path, string root) =>
        path == root || (path.StartsWith(root, StringComparison.Ordinal)
            && (root.EndsWith(Path.DirectorySeparatorChar) || path[root.Length] == Path.DirectorySeparatorChar));

    /// <summary>A name .NET decoded from bytes that are not UTF-8 carries U+FFFD and names nothing on disk.</summary>
    public static bool IsUndecodableName(string name, string fullPath) =>
        name.Contains('\uFFFD', StringComparison.Ordinal) && FileStatus.LStat(fullPath, out _) == FileKind.Missing;

    /// <summary>The name as messages show it: undecodable bytes as '?'.</summary>
    public static string Printable(string path) => path.Replace('\uFFFD', '?');

    private sealed class Walker(
        string boundary, string display, Func<string, bool> include, DiagnosticBag diagnostics, List<TreeFile> files)
    {
        private int _entries;

        private sealed record Frame(string Real, string Relative, ImmutableList<string> Chain);

        public void Run(string startReal)
        {
            var pending = new Stack<Frame>();
            pending.Push(new Frame(startReal, "", [startReal]));
            while (pending.Count > 0)
            {
                var frame = pending.Pop();
                var children = List(frame);
                // Pushed in reverse so folders are walked in ordinal order (diagnostics come out sorted anyway).
                for (var i = children.Count - 1; i >= 0; i--)
                {
                    if (Visit(frame, children[i]) is { } next) pending.Push(next);
                }
            }
        }

        /// <summary>
        /// The folder's names in ordinal order, each with the kind its listing gave (<see cref="FolderListing"/>; null
        /// where there is none): the 10,000 files of a large site are then not each looked at again.
        /// </summary>
        private List<(string Name, FileKind? Kind)> List(Frame frame)
        {
            try
            {
                List<(string Name, FileKind? Kind)> names = FolderListing.Of(frame.Real) is { } listed
                    ? [.. listed.Select(e => (e.Name, (FileKind?)e.Kind))]
                    : [.. Directory.EnumerateFileSystemEntries(frame.Real, "*", Everything).Select(Path.GetFileName).OfType<string>()
                        .Select(name => (name, (FileKind?)null))];
                names.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
                return names;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Report(Severity.Error, frame.Relative.TrimEnd('/'), DiagnosticCodes.IoError,
                    $"folder cannot be read ({Reason(ex)}); fix its permissions or remove it");
                return [];
            }
        }

        private Frame? Visit(Frame parent, (string Name, FileKind? Kind) entry)
        {
            var name = entry.Name;
            var relative = parent.Relative + name;
            if (!include(relative)) return null;
            if (++_entries == MaxEntries + 1)
            {
                Report(Severity.Error, relative, DiagnosticCodes.LinkLoop,
                    $"more than {MaxEntries:N0} files and folders were found (links followed); is a link repeating a folder? The rest is not read");
            }
            if (_entries > MaxEntries) return null;

            var found = SafePath.Resolve(Path.Combine(parent.Real, name), boundary, display + relative, diagnostics, entry.Kind);
            switch (found.Kind)
            {
                case FileKind.Regular:
                    files.Add(new TreeFile(relative, found.ReadPath!));
                    return null;
                case FileKind.Directory:
                    return Descend(parent, relative, found.ReadPath!);
                default:
                    return null;
            }
        }

        private Frame? Descend(Frame parent, string relative, string real)
        {
            // A folder that holds one of the folders being walked (the link points up, or back across) would repeat forever.
            if (parent.Chain.Any(walked => IsInside(walked, real)))
            {
                Report(Severity.Warning, relative, DiagnosticCodes.LinkLoop,
                    "leads back into a folder that contains it (a loop); it is skipped");
                return null;
            }
            if (parent.Chain.Count > MaxDepth)
            {
                Report(Severity.Error, relative, DiagnosticCodes.PathTooLong,
                    $"folders nest more than {MaxDepth} deep here; the rest of this folder is not read");
                return null;
            }
            return new Frame(real, relative + "/", parent.Chain.Add(real));
        }

        private void Report(Severity severity, string relative, string code, string message) =>
            diagnostics.Add(new Diagnostic(severity, Printable(display + relative), 0, 0, code, message));

        private static string Reason(Exception ex) => ex switch
        {
            UnauthorizedAccessException => "permission denied",
            PathTooLongException => "path too long",
            _ => ex.Message.TrimEnd('.'),
        };
    }
}
