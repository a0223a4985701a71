using System.Globalization;
using StaticBriefs.Building;
using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;
using StaticBriefs.Model;
using StaticBriefs.Output;
using StaticBriefs.Rendering.Theme;

namespace StaticBriefs.Incremental;

/// <summary>
/// What <see cref="CachedRebuild"/> compares a <see cref="BuildSnapshot"/> with before it trusts it: the options, theme,
/// settings and host files it was made with, the files of the output folder, and which input files changed since.
/// </summary>
internal static class SnapshotChecks
{
    /// <summary>Input files merged into generated output files rather than copied (compared whole by the snapshot).</summary>
    private static readonly string[] HostFiles = [Loading.HostFiles.Headers, Loading.HostFiles.Redirects];

    /// <summary>The same asset files under the same names.</summary>
    internal static bool SameAssets(PublishedAssets a, PublishedAssets b) =>
        a.Styles.SequenceEqual(b.Styles, StringComparer.Ordinal) && a.Scripts.SequenceEqual(b.Scripts, StringComparer.Ordinal)
        && a.Others.SequenceEqual(b.Others, StringComparer.Ordinal) && a.Files.SequenceEqual(b.Files, StringComparer.Ordinal);

    /// <summary>The input files (full paths) whose content differs from the previous build's: documents and entity data.</summary>
    internal static List<string> ChangedFiles(string inputDirectory, LoadedSite previous, LoadedSite current, LoadCounts counts, BuildSnapshot snapshot)
    {
        var root = Path.GetFullPath(inputDirectory);
        var changed = new List<string>();
        var before = previous.Documents.ToDictionary(d => d.RelativePath, StringComparer.Ordinal);
        foreach (var document in current.Documents)
        {
            // An unchanged file's document is the very one the cache held.
            if (!before.Remove(document.RelativePath, out var old) || !ReferenceEquals(old, document))
                changed.Add(Path.Combine(root, document.RelativePath));
        }
        changed.AddRange(before.Keys.Select(path => Path.Combine(root, path)));
        var texts = snapshot.EntityTexts.ToDictionary(t => t.Path, t => t.Text, StringComparer.Ordinal);
        foreach (var (path, text) in counts.EntityTexts)
        {
            if (!texts.Remove(path, out var old) || old != text) changed.Add(Path.Combine(root, path));
        }
        changed.AddRange(texts.Keys.Select(path => Path.Combine(root, path)));
        return changed;
    }

    /// <summary>
    /// True when every file the manifest names is as the last build left it (size and time, no link on the way), and
    /// those it cannot check (assets, static files, _redirects) are ones this build copies again.
    /// </summary>
    internal static bool OutputMatches(OutputManifest manifest, OutputFolder output, BuildSnapshot snapshot)
    {
        var restaged = new HashSet<string>(snapshot.Assets.Files, StringComparer.Ordinal);
        restaged.UnionWith(snapshot.StaticFiles);
        restaged.Add(Loading.HostFiles.Redirects);
        var matches = true;
        // Every file is looked up from the folder held open, not from the file system's root.
        using var root = FileSystem.FolderHandle.Open(output.Root);
        Parallel.ForEach(manifest.Files, (pair, loop) =>
        {
            var (file, record) = (pair.Key, pair.Value);
            bool ok;
            if (record.Key.Length == 0) ok = restaged.Contains(file);
            else ok = record.Describes(output, file, root);
            if (ok) return;
            matches = false;
            loop.Stop();
        });
        return matches;
    }

    /// <summary>The options that shape the output besides the manifest's context (which covers the generator and minifying).</summary>
    internal static string OptionsKey(BuildOptions options) => ContentHash.Of(
        "options", Path.GetFullPath(options.InputDirectory), Path.GetFullPath(options.ThemeDirectory),
        options.SettingsFile is null ? null : Path.GetFullPath(options.SettingsFile), options.BaseUrl,
        options.IncludeDrafts.ToString(CultureInfo.InvariantCulture), options.IncludeFuture.ToString(CultureInfo.InvariantCulture),
        options.Strict.ToString(CultureInfo.InvariantCulture), options.VersionSearchIndex.ToString(CultureInfo.InvariantCulture));

    /// <summary>Every file of the theme (overrides included) by where it comes from and what it holds.</summary>
    internal static string ThemeKey(ThemeFiles theme)
    {
        var parts = new List<string?>();
        foreach (var folder in (string[])["layouts", "assets", "fonts"])
        {
            foreach (var relative in theme.List(folder))
            {
                var file = theme.Resolve(relative);
                parts.Add(file?.Display);
                parts.Add(file?.ReadBytes(new DiagnosticBag()) is { } bytes ? ContentHash.Of(bytes) : null);
            }
        }
        return ContentHash.Of([.. parts]);
    }

    internal static string HostFilesKey(string inputDirectory)
    {
        var parts = new List<string?>();
        foreach (var name in HostFiles)
        {
            var path = Path.Combine(inputDirectory, name);
            parts.Add(name);
            try
            {
                parts.Add(File.Exists(path) ? ContentHash.Of(File.ReadAllBytes(path)) : null);
            }
            catch (Exception ex) when (IoFailure.IsIo(ex))
            {
                parts.Add("unreadable");
            }
        }
        return ContentHash.Of([.. parts]);
    }

    internal static string SettingsKey(string? text) => text is null ? "" : ContentHash.Of("settings", text);
}
