using System.Collections.Immutable;
using StaticBriefs.Diagnostics;
using StaticBriefs.FileSystem;
using StaticBriefs.Loading.Conventions;

namespace StaticBriefs.Loading;

/// <summary>What the input folder holds: markdown documents and files published as they are.</summary>
/// <param name="Markdown">Markdown files, in ordinal order of their relative paths.</param>
/// <param name="Static">Every other published file (host files included), in ordinal order.</param>
public sealed record InputFiles(ImmutableArray<TreeFile> Markdown, ImmutableArray<TreeFile> Static);

/// <summary>
/// Lists the input folder: markdown documents (<c>.md</c>, <c>.markdown</c>) and static files, skipping anything whose
/// name starts with '_' or '.' (except the <see cref="HostFiles"/> at the root, and Jekyll's <c>_posts/</c> and
/// <c>_drafts/</c>, whose markdown files are documents). Files other generators keep beside their posts are neither
/// read nor published, and are named once (<see cref="OtherGeneratorFiles"/>). The listing is
/// <see cref="FileTreeWalker"/>'s: only regular files, links followed only inside the folder, pipes and devices never
/// opened, every problem reported.
/// </summary>
public static class InputScanner
{
    /// <summary>Scans <paramref name="inputDirectory"/>, reporting every file it will not read.</summary>
    public static InputFiles Scan(string inputDirectory, DiagnosticBag diagnostics)
    {
        var found = FileTreeWalker.Walk(inputDirectory, inputDirectory, "", IsListed, diagnostics);
        var markdown = ImmutableArray.CreateBuilder<TreeFile>();
        var statics = ImmutableArray.CreateBuilder<TreeFile>();
        var others = new OtherGeneratorFiles(found.Where(f => SourcePathConventions.IsMarkdown(f.Relative)).Select(f => f.Relative));
        foreach (var file in found)
        {
            if (HostFiles.IsHostPath(file.Relative))
            {
                if (IsReadable(file, diagnostics)) statics.Add(file);
            }
            else if (others.Take(file.Relative))
            {
                // Named once below; never read, never published.
            }
            else if (SourcePathConventions.IsMarkdown(file.Relative)) markdown.Add(file);
            else if (IsReadable(file, diagnostics)) statics.Add(file);
        }
        others.Report(diagnostics);
        return new InputFiles(markdown.ToImmutable(), statics.ToImmutable());
    }

    /// <summary>
    /// What the walk looks at: published paths, plus Jekyll's post folders and the markdown in them, and section files
    /// (<c>_index.md</c>), so they can be named rather than skipped without a word.
    /// </summary>
    private static bool IsListed(string relative)
    {
        if (IsPublished(relative)) return true;
        var slash = relative.LastIndexOf('/');
        var name = relative[(slash + 1)..];
        if (slash >= 0 && !IsListed(relative[..slash])) return false;
        return name is SourcePathConventions.PostsFolder or SourcePathConventions.DraftsFolder
            || SourcePathConventions.IsSectionFile(name)
            || (SourcePathConventions.IsInPostFolder(relative) && !IsHidden(name));
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
