using System.Collections.Immutable;
using StaticBriefs.Diagnostics;
using StaticBriefs.FileSystem;

namespace StaticBriefs.Loading;

/// <summary>What the input folder holds: markdown documents and files published as they are.</summary>
/// <param name="Markdown">Markdown files, in ordinal order of their relative paths.</param>
/// <param name="Static">Every other published file (host files included), in ordinal order.</param>
public sealed record InputFiles(ImmutableArray<TreeFile> Markdown, ImmutableArray<TreeFile> Static);

/// <summary>
/// Lists the input folder: markdown documents and static files, skipping anything whose name starts with '_' or '.'
/// (except the <see cref="HostFiles"/> at the root). The listing is <see cref="FileTreeWalker"/>'s: only regular
/// files, links followed only inside the folder, pipes and devices never opened, every problem reported.
/// </summary>
public static class InputScanner
{
    /// <summary>Scans <paramref name="inputDirectory"/>, reporting every file it will not read.</summary>
    public static InputFiles Scan(string inputDirectory, DiagnosticBag diagnostics)
    {
        var markdown = ImmutableArray.CreateBuilder<TreeFile>();
        var statics = ImmutableArray.CreateBuilder<TreeFile>();
        foreach (var file in FileTreeWalker.Walk(inputDirectory, inputDirectory, "", IsPublished, diagnostics))
        {
            var isMarkdown = file.Relative.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !HostFiles.IsHostPath(file.Relative);
            if (isMarkdown) markdown.Add(file);
            else if (IsReadable(file, diagnostics)) statics.Add(file);
        }
        return new InputFiles(markdown.ToImmutable(), statics.ToImmutable());
    }

    /// <summary>
    /// A static file is copied late, in the write stage: open it now (a regular file, so opening cannot block) so an
    /// unreadable one is reported with the other input problems instead of failing the copy.
    /// </summary>
    private static bool IsReadable(TreeFile file, DiagnosticBag diagnostics)
    {
        if (SafePath.CanRead(file.ReadPath, out var reason)) return true;
        diagnostics.Error(file.Relative, 0, DiagnosticCodes.IoError, $"cannot be read ({reason}); fix its permissions or remove it");
        return false;
    }

    /// <summary>Whether a path (relative, with '/') is published: no hidden name on the way, host files excepted.</summary>
    public static bool IsPublished(string relative)
    {
        // Most paths have no hidden name at all: answer those without splitting.
        if (relative[0] is not ('_' or '.') && !relative.Contains("/_", StringComparison.Ordinal) && !relative.Contains("/.", StringComparison.Ordinal))
            return true;
        var segments = relative.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var name = segments[i];
            if (!IsHidden(name)) continue;
            // At the root, the host files; inside .well-known/ hosts want exact names, but dot files (editor and
            // OS litter) still stay out.
            var allowed = i == 0
                ? HostFiles.RootNames.Contains(name, StringComparer.Ordinal)
                : segments[0] == HostFiles.WellKnown && !name.StartsWith('.');
            if (!allowed) return false;
        }
        return true;
    }

    /// <summary>Names starting with '_' (site data, theme overrides) or '.' (git, editors) are not published.</summary>
    public static bool IsHidden(string name) => name.StartsWith('_') || name.StartsWith('.');
}
