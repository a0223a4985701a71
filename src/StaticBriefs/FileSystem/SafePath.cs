using System.Text;
using StaticBriefs.Diagnostics;

namespace StaticBriefs.FileSystem;

/// <summary>What a path turned out to be once checked: a regular file or folder to read at <see cref="ReadPath"/>, or nothing.</summary>
/// <param name="Kind"><see cref="FileKind.Regular"/>, <see cref="FileKind.Directory"/>, or <see cref="FileKind.Missing"/> (absent or refused).</param>
/// <param name="ReadPath">The canonical path to read (links resolved), when there is one.</param>
public readonly record struct ResolvedPath(FileKind Kind, string? ReadPath);

/// <summary>
/// Checks one path before anything reads it: a name that is not UTF-8, a path too long, a pipe, socket or device,
/// a link that leaves <c>boundary</c>, dangles or loops. Each is reported (against <c>display</c>) and the path
/// refused; only a regular file or a folder inside the boundary is returned. Nothing is ever opened here.
/// </summary>
public static class SafePath
{
    /// <summary>
    /// Checks a path whose folders may themselves be links (<c>input/_data/companies.yml</c> with <c>_data</c> a link):
    /// the folder is resolved first and must stay inside <paramref name="boundary"/> (canonical).
    /// </summary>
    public static ResolvedPath ResolveAnywhere(string path, string boundary, string display, DiagnosticBag diagnostics)
    {
        var full = Path.GetFullPath(path);
        // Absent is not a problem (an optional file); only what is there is judged.
        if (FileStatus.LStat(full, out var missing) == FileKind.Missing && missing == LookupError.NotFound) return default;
        var parent = Path.GetDirectoryName(full);
        if (parent is null) return default;
        var parentReal = FileStatus.RealPath(parent, out _);
        if (parentReal is null) return default;
        if (!FileTreeWalker.IsInside(parentReal, boundary))
        {
            Report(diagnostics, Severity.Warning, display, DiagnosticCodes.LinkOutside,
                $"is inside a folder that links to '{parentReal}', outside {BoundaryName(boundary)}, so it is not read");
            return default;
        }
        return Resolve(Path.Combine(parentReal, Path.GetFileName(full)), boundary, display, diagnostics);
    }

    /// <summary>
    /// Checks <paramref name="full"/>, whose folder must already be canonical; an absent path is
    /// <see cref="FileKind.Missing"/> and not reported. <paramref name="listedAs"/> is the kind its folder's listing
    /// gave it (<see cref="FolderListing"/>): a regular file or a folder there is not looked at again.
    /// </summary>
    public static ResolvedPath Resolve(string full, string boundary, string display, DiagnosticBag diagnostics, FileKind? listedAs = null)
    {
        var name = Path.GetFileName(full);
        if (FileTreeWalker.IsUndecodableName(name, full))
        {
            Report(diagnostics, Severity.Error, display, DiagnosticCodes.BadFileName,
                "name is not valid UTF-8, so it cannot be published or linked to; rename it");
            return default;
        }
        if (Encoding.UTF8.GetByteCount(full) > FileTreeWalker.MaxPathBytes)
        {
            Report(diagnostics, Severity.Error, display, DiagnosticCodes.PathTooLong,
                $"path is longer than {FileTreeWalker.MaxPathBytes} bytes, which the system cannot open; shorten the folder or file names");
            return default;
        }
        var error = LookupError.None;
        var kind = listedAs is FileKind.Regular or FileKind.Directory ? listedAs.Value : FileStatus.LStat(full, out error);
        switch (kind)
        {
            case FileKind.Regular or FileKind.Directory:
                return new ResolvedPath(kind, full);
            case FileKind.SymbolicLink:
                return FollowLink(full, boundary, display, diagnostics);
            case FileKind.Missing:
                if (error is not (LookupError.NotFound or LookupError.None)) ReportLookup(diagnostics, display, error, "");
                return default;
            default:
                Report(diagnostics, Severity.Warning, display, DiagnosticCodes.SpecialFile,
                    $"is a {kind.Describe()}, not a regular file; it is skipped and never opened");
                return default;
        }
    }

    /// <summary>
    /// Opens a regular file for reading and closes it: whether a later copy will be able to read it. The reason is
    /// "permission denied" or the system's message. Never call it on anything but a checked regular file.
    /// </summary>
    public static bool CanRead(string regularFile, out string reason)
    {
        reason = "";
        try
        {
            using var handle = File.OpenHandle(regularFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            reason = ex is UnauthorizedAccessException ? "permission denied" : ex.Message.TrimEnd('.');
            return false;
        }
    }

    private static ResolvedPath FollowLink(string full, string boundary, string display, DiagnosticBag diagnostics)
    {
        // realpath() only looks names up; nothing is opened, so a target such as /proc/self/environ or a pipe is
        // safe to resolve before it is judged.
        var real = FileStatus.RealPath(full, out var error);
        if (real is null)
        {
            ReportLookup(diagnostics, display, error, LinkText(full));
            return default;
        }
        if (!FileTreeWalker.IsInside(real, boundary))
        {
            Report(diagnostics, Severity.Warning, display, DiagnosticCodes.LinkOutside,
                $"is a symbolic link to '{LinkText(full) ?? real}', outside {BoundaryName(boundary)}, so it is not followed; copy the file in if it belongs to the site");
            return default;
        }
        var kind = FileStatus.LStat(real, out error);
        switch (kind)
        {
            case FileKind.Regular or FileKind.Directory:
                return new ResolvedPath(kind, real);
            case FileKind.Missing:
                ReportLookup(diagnostics, display, error, LinkText(full));
                return default;
            default:
                Report(diagnostics, Severity.Warning, display, DiagnosticCodes.SpecialFile,
                    $"links to a {kind.Describe()}, not a regular file; it is skipped and never opened");
                return default;
        }
    }

    private static string BoundaryName(string boundary) => "the folder '" + Path.GetFileName(boundary.TrimEnd(Path.DirectorySeparatorChar)) + "/'";

    private static void ReportLookup(DiagnosticBag diagnostics, string display, LookupError error, string? target)
    {
        switch (error)
        {
            case LookupError.Loop:
                Report(diagnostics, Severity.Error, display, DiagnosticCodes.BrokenFileLink,
                    "is a symbolic link that loops (it leads back to itself); remove or fix it");
                break;
            case LookupError.NameTooLong:
                Report(diagnostics, Severity.Error, display, DiagnosticCodes.PathTooLong,
                    "path is longer than the system allows; shorten the folder or file names");
                break;
            case LookupError.AccessDenied:
                Report(diagnostics, Severity.Error, display, DiagnosticCodes.IoError,
                    "cannot be read (permission denied); fix its permissions or remove it");
                break;
            default:
                Report(diagnostics, Severity.Error, display, DiagnosticCodes.BrokenFileLink,
                    $"is a symbolic link that leads nowhere (its target '{target}' does not exist); remove or fix the link");
                break;
        }
    }

    private static void Report(DiagnosticBag diagnostics, Severity severity, string display, string code, string message) =>
        diagnostics.Add(new Diagnostic(severity, FileTreeWalker.Printable(display), 0, 0, code, message));

    private static string? LinkText(string full)
    {
        try
        {
            return new FileInfo(full).LinkTarget;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
