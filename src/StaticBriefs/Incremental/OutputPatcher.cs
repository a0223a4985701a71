using StaticBriefs.Diagnostics;
using StaticBriefs.Output;

namespace StaticBriefs.Incremental;

/// <summary>
/// Commits an incremental build through the output folder's committer (<see cref="OutputFolder.Commit"/>) and
/// records the cache's manifest of what is now there. Files kept from the previous output stay untouched; with none
/// kept the staging tree is the whole site and is swapped in. The cache's manifest is forgotten before the commit and
/// written after it, so an interrupted commit costs the next build a full render rather than a wrong page.
/// </summary>
internal static class OutputPatcher
{
    /// <param name="sink">The build's sink.</param>
    /// <param name="cache">The cache holding the manifests.</param>
    /// <param name="output">The output folder.</param>
    /// <param name="cacheKey">The output folder as the cache names it.</param>
    /// <param name="context">What every file of the build depends on.</param>
    /// <param name="diagnostics">Where a refused commit is reported.</param>
    /// <returns>The new manifest, or null when the commit failed (the old output is in place).</returns>
    public static OutputManifest? Commit(
        PageMemoSink sink, BuildCache cache, OutputFolder output, string cacheKey, string context, DiagnosticBag diagnostics)
    {
        cache.ForgetManifest(cacheKey);
        var kept = sink.Previous is null ? null : sink.Kept.Keys.ToArray();
        if (!output.Commit(sink.Staging, kept, diagnostics)) return Restore(sink, cache, cacheKey);
        return Manifest(sink, output, context, new Dictionary<string, OutputRecord>(sink.Kept, StringComparer.Ordinal));
    }

    /// <summary>
    /// Commits a partial rebuild (a <see cref="Rendering.RenderScope"/>): files it did not look at are carried over
    /// from the previous manifest untouched, so the output folder is never scanned. Files go away when the rebuild
    /// names them in <paramref name="removedFiles"/> (pages of a deleted brief, say), and under
    /// <paramref name="regeneratedFolders"/>, which the rebuild wrote out whole, when it no longer makes them. Once the
    /// commit succeeded, the previous manifest's records become the new manifest in place: copying tens of thousands
    /// of them cost more than the rest of a one-page commit.
    /// With <paramref name="cleanForeign"/> false, foreign entries are left to the next whole commit even with --clean-output.
    /// </summary>
    public static OutputManifest? CommitPartial(
        PageMemoSink sink, BuildCache cache, OutputFolder output, string cacheKey, string context, IReadOnlyList<string> regeneratedFolders,
        IReadOnlyCollection<string> removedFiles, DiagnosticBag diagnostics, bool cleanForeign = true)
    {
        var previous = sink.Previous ?? throw new InvalidOperationException("A partial rebuild needs the previous build's manifest.");
        cache.ForgetManifest(cacheKey);
        var removed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in removedFiles)
        {
            if (previous.Files.ContainsKey(file) && !StillMade(sink, file)) removed.Add(file);
        }
        if (regeneratedFolders.Count > 0)
        {
            foreach (var file in previous.Files.Keys)
            {
                if (InAny(file, regeneratedFolders) && !StillMade(sink, file)) removed.Add(file);
            }
        }
        if (!output.CommitChanges(sink.Staging, removed, diagnostics, cleanForeign)) return Restore(sink, cache, cacheKey);
        var files = previous.Files;
        foreach (var file in removed) files.Remove(file);
        return Manifest(sink, output, context, files);
    }

    /// <summary>True when this build keeps or writes <paramref name="file"/>.</summary>
    private static bool StillMade(PageMemoSink sink, string file) => sink.Kept.ContainsKey(file) || sink.Written.ContainsKey(file);

    private static bool InAny(string file, IReadOnlyList<string> folders)
    {
        foreach (var folder in folders)
        {
            if (file.StartsWith(folder, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>A refused commit put the old output back as it was: so is its manifest, or the next build renders everything.</summary>
    private static OutputManifest? Restore(PageMemoSink sink, BuildCache cache, string cacheKey)
    {
        if (sink.Previous is { } previous) cache.CommittedPartial(cacheKey, previous);
        return null;
    }

    /// <summary>The cache's manifest: <paramref name="files"/> kept, plus every file the commit moved in.</summary>
    private static OutputManifest Manifest(PageMemoSink sink, OutputFolder output, string context, Dictionary<string, OutputRecord> files)
    {
        // No key for files the sink did not make (assets, static files): such a file is never kept by a later build.
        foreach (var file in sink.Staging.Files)
        {
            if (!sink.Written.ContainsKey(file)) files[file] = new OutputRecord("", 0, 0);
        }
        var looked = new List<(string File, string Key)>();
        foreach (var (file, key) in sink.Written)
        {
            // A versioned search index is thousands of links to the last version's files: looking each up again (a
            // statx apiece, on one core) was half of a one-brief commit, for records the sink already holds.
            if (sink.Linked.TryGetValue(file, out var linked) && linked.Key == key) files[file] = linked;
            else looked.Add((file, key));
        }
        // The rest are looked at on every core: a date edit rewrites 4,000 files of the index.
        var records = new OutputRecord?[looked.Count];
        Parallel.For(0, looked.Count, i => records[i] = OutputRecord.In(looked[i].Key, output.Root, looked[i].File));
        for (var i = 0; i < looked.Count; i++)
        {
            if (records[i] is { } record) files[looked[i].File] = record;
        }
        return new OutputManifest(context, files);
    }
}
