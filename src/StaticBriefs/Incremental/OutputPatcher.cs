namespace StaticBriefs.Incremental;

/// <summary>
/// Commits an incremental build. With no usable previous output the staging folder is swapped in whole, as in a
/// clean build. Otherwise only what changed moves: each new file is renamed over its old version (so a reader never
/// sees half a file), files the build no longer makes are deleted, and kept files are not touched at all. The
/// manifest is forgotten before the first change and written after the last, so an interrupted commit costs the
/// next build a full render rather than a wrong page.
/// </summary>
internal static class OutputPatcher
{
    /// <param name="sink">The build's sink.</param>
    /// <param name="cache">The cache holding the manifests.</param>
    /// <param name="outputDirectory">The output folder.</param>
    /// <param name="context">What every file of the build depends on.</param>
    /// <param name="trustManifest">
    /// Preview: nothing but this process writes the output folder, so the previous manifest lists exactly what is
    /// there and stale files are found from it instead of by scanning 30,000 files (most of a small rebuild's commit).
    /// </param>
    public static OutputManifest Commit(PageMemoSink sink, BuildCache cache, string outputDirectory, string context, bool trustManifest = false)
    {
        var staging = sink.Staging;
        cache.ForgetManifest(outputDirectory);
        // Files the sink did not make (assets, static files), so a trusted manifest lists everything in the folder.
        var others = new List<string>();
        if (sink.Previous is null || sink.Kept.Count == 0 || !Directory.Exists(outputDirectory))
        {
            staging.Commit();
            if (trustManifest)
            {
                others.AddRange(Directory.EnumerateFiles(outputDirectory, "*", SearchOption.AllDirectories)
                    .Select(f => Relative(outputDirectory, f)).Where(f => !sink.Written.ContainsKey(f)));
            }
        }
        else
        {
            var keep = new HashSet<string>(sink.Kept.Keys, StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(staging.StagingDirectory, "*", SearchOption.AllDirectories))
            {
                var relative = Relative(staging.StagingDirectory, file);
                keep.Add(relative);
                if (!sink.Written.ContainsKey(relative)) others.Add(relative);
                var target = Path.Combine(outputDirectory, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(file, target, overwrite: true);
            }
            // Scanning the folder (not just the old manifest) also removes files nobody built, as a clean swap would.
            var existing = trustManifest
                ? sink.Previous.Files.Keys.Select(f => Path.Combine(outputDirectory, f))
                : Directory.EnumerateFiles(outputDirectory, "*", SearchOption.AllDirectories);
            var deleted = new List<string>();
            foreach (var file in existing)
            {
                if (keep.Contains(Relative(outputDirectory, file))) continue;
                File.Delete(file);
                deleted.Add(file);
            }
            RemoveEmptyParents(deleted, outputDirectory);
        }

        var files = new Dictionary<string, OutputRecord>(sink.Kept, StringComparer.Ordinal);
        // No key: such a file is never kept by a later build, only known to be there.
        foreach (var file in others) files[file] = new OutputRecord("", 0, 0);
        foreach (var (file, key) in sink.Written)
        {
            var info = new FileInfo(Path.Combine(outputDirectory, file));
            if (info.Exists) files[file] = new OutputRecord(key, info.Length, info.LastWriteTimeUtc.Ticks);
        }
        return new OutputManifest(context, files);
    }

    /// <summary>
    /// Commits a partial rebuild (a <see cref="Rendering.RenderScope"/>): files it did not look at are carried over
    /// from the previous manifest untouched, so the output folder is never scanned. Only under
    /// <paramref name="regeneratedFolders"/>, which the rebuild wrote out whole, do files it no longer makes go away.
    /// </summary>
    public static OutputManifest CommitPartial(
        PageMemoSink sink, BuildCache cache, string outputDirectory, string context, IReadOnlyList<string> regeneratedFolders)
    {
        var previous = sink.Previous ?? throw new InvalidOperationException("A partial rebuild needs the previous build's manifest.");
        cache.ForgetManifest(outputDirectory);
        var files = new Dictionary<string, OutputRecord>(previous.Files, StringComparer.Ordinal);
        foreach (var (file, key) in sink.Written)
        {
            var target = Path.Combine(outputDirectory, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(Path.Combine(sink.Staging.StagingDirectory, file), target, overwrite: true);
            var info = new FileInfo(target);
            files[file] = new OutputRecord(key, info.Length, info.LastWriteTimeUtc.Ticks);
        }
        var deleted = new List<string>();
        foreach (var file in previous.Files.Keys)
        {
            if (!regeneratedFolders.Any(folder => file.StartsWith(folder, StringComparison.Ordinal))) continue;
            if (sink.Kept.ContainsKey(file) || sink.Written.ContainsKey(file)) continue;
            File.Delete(Path.Combine(outputDirectory, file));
            deleted.Add(Path.Combine(outputDirectory, file));
            files.Remove(file);
        }
        RemoveEmptyParents(deleted, outputDirectory);
        sink.Staging.Dispose();
        return new OutputManifest(context, files);
    }

    private static string Relative(string root, string file) => Path.GetRelativePath(root, file).Replace('\\', '/');

    /// <summary>
    /// Removes folders left empty by deleted files: only the deleted files' ancestors can have become empty, and
    /// opening every folder of a 17,000-page site took most of a one-page rebuild's commit. Deepest first, so a
    /// folder whose subfolders all went (an old search version's <c>facets/</c>) is seen empty in its turn.
    /// </summary>
    private static void RemoveEmptyParents(List<string> deletedFiles, string outputDirectory)
    {
        var root = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in deletedFiles)
        {
            for (var folder = Path.GetDirectoryName(Path.GetFullPath(file));
                 folder is not null && folder.Length > root.Length && folders.Add(folder);
                 folder = Path.GetDirectoryName(folder))
            {
            }
        }
        foreach (var folder in folders.OrderByDescending(f => f.Length))
        {
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
        }
    }
}
