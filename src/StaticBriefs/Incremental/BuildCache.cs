using System.Collections.Concurrent;

namespace StaticBriefs.Incremental;

/// <summary>
/// What one build leaves for the next: loaded documents by content hash, rendered bodies, and the fingerprint of every
/// output file. <c>build</c> keeps it on disk (<c>.staticbriefs/cache/</c> beside the input folder); <c>preview</c>
/// keeps one in memory across rebuilds and tells it which files changed, so unchanged files are not even re-read.
/// A cache never changes what a build produces, only how much work it takes.
/// </summary>
public sealed class BuildCache
{
    private readonly Dictionary<string, OutputManifest> _manifests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BuildSnapshot?> _snapshots = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly Lock _saving = new();
    private bool _loaded;
    private bool _everythingChanged = true;

    /// <summary>A cache kept in <paramref name="directory"/>, or in memory only when it is null.</summary>
    public BuildCache(string? directory) => Directory = directory is null ? null : Path.GetFullPath(directory);

    /// <summary>Where the cache is kept on disk, or null for a memory-only cache.</summary>
    public string? Directory { get; }

    /// <summary>
    /// When true, a document loaded by an earlier build is trusted without re-reading it unless
    /// <see cref="MarkChanged"/> named it. Only for callers that watch the input folder.
    /// </summary>
    public bool TrustUnchangedFiles { get; init; }

    /// <summary>
    /// How long ago a file must have last changed for its stamp to vouch for its bytes (<see cref="InputStamps"/>).
    /// </summary>
    internal TimeSpan StampSettle { get; init; } = InputStamps.Settle;

    /// <summary>
    /// Write the cache to disk after every successful build (the default). Preview turns it off, rebuilds in memory
    /// and calls <see cref="Save"/> once when it stops, since writing the whole cache would cost more than a rebuild.
    /// </summary>
    public bool SaveOnCommit { get; init; } = true;

    /// <summary>The default cache folder for an input folder: <c>&lt;input&gt;/../.staticbriefs/cache</c>.</summary>
    public static string DefaultDirectory(string inputDirectory)
    {
        var input = Path.GetFullPath(inputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        return Path.Combine(Path.GetDirectoryName(input) ?? input, ".staticbriefs", "cache");
    }

    internal ConcurrentDictionary<string, DocumentEntry> Documents { get; } = new(StringComparer.Ordinal);

    /// <summary>Rendered bodies read or made by this process, by memo key (<see cref="TryGetMarkdown"/> also finds unread ones).</summary>
    internal ConcurrentDictionary<string, MarkdownEntry> Markdown { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Each body's last memo key, and what it was made from (<see cref="MarkdownMemo"/>): an edit that adds or removes a
    /// brief asks the memo about every body, and in preview the same body objects come back edit after edit, so hashing
    /// each one's key again was about a quarter of planning such an edit. Entries go with their bodies.
    /// </summary>
    internal System.Runtime.CompilerServices.ConditionalWeakTable<Model.BodyText, MarkdownKey> MarkdownKeys { get; } = new();

    /// <summary>Rendered bodies the disk cache holds that nothing has asked for yet, by memo key (<see cref="UnreadBody"/>).</summary>
    internal ConcurrentDictionary<string, UnreadBody> UnreadMarkdown { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The rendered body kept under <paramref name="key"/>, reading it from the pack the first time. A record that cannot
    /// be read or fails its checksum is forgotten, and the body is rendered again as if it had never been cached.
    /// </summary>
    internal bool TryGetMarkdown(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out MarkdownEntry entry)
    {
        if (Markdown.TryGetValue(key, out entry)) return true;
        if (!UnreadMarkdown.TryGetValue(key, out var unread)) return false;
        var pack = Pack;
        var span = pack?.SpanOf(unread);
        var read = pack is not null && span is { } at ? CacheStore.ReadBody(pack, at, key, unread.SpellingsKey) : null;
        UnreadMarkdown.TryRemove(KeyValuePair.Create(key, unread));
        // Another thread may have read it meanwhile: both hold the same entry from here on.
        if (read is null) return Markdown.TryGetValue(key, out entry);
        entry = Markdown.GetOrAdd(key, read);
        if (ReferenceEquals(entry, read)) pack!.Remember(read.Result, span!.Value);
        return true;
    }

    /// <summary>
    /// For the body under <paramref name="key"/> that nothing has read yet: its link look-ups and whether its text holds
    /// one of <paramref name="words"/> (UTF-8), straight from the pack; null when its record is damaged.
    /// </summary>
    internal LinkCheck? CheckUnread(string key, UnreadBody unread, byte[][] words)
    {
        var pack = Pack;
        return pack?.SpanOf(unread) is { } span ? CacheStore.ReadLinkCheck(pack, span, key, words) : null;
    }

    /// <summary>
    /// <see cref="CheckUnread"/> of each of <paramref name="asked"/>, read a window of neighbouring records at a time
    /// (<see cref="CachePack.ReadAll{T}"/>); bodies not in the pack are left out.
    /// </summary>
    internal List<(UnreadBody Unread, byte[][] Words, LinkCheck? Check)> CheckUnreadAll(IReadOnlyList<(string Key, UnreadBody Unread, byte[][] Words)> asked)
    {
        var pack = Pack;
        if (pack is null) return [];
        var found = new List<((string Key, UnreadBody Unread, byte[][] Words) Asked, PackSpan Span)>(asked.Count);
        foreach (var one in asked)
        {
            if (pack.SpanOf(one.Unread) is { } span) found.Add((one, span));
        }
        var checks = CacheStore.ReadLinkChecks(pack, [.. found.Select(f => f.Span)], i => found[i].Asked.Key, i => found[i].Asked.Words);
        return [.. found.Select((f, i) => (f.Asked.Unread, f.Asked.Words, checks[i]))];
    }

    /// <summary>Forgets the body kept under <paramref name="key"/>, read or not.</summary>
    internal void ForgetMarkdown(string key)
    {
        Markdown.TryRemove(key, out _);
        UnreadMarkdown.TryRemove(key, out _);
    }

    internal ConcurrentDictionary<string, byte> MarkdownUsed { get; } = new(StringComparer.Ordinal);

    /// <summary>Search tokens by a hash of the text they were made from (<see cref="TokenMemo"/>).</summary>
    internal ConcurrentDictionary<UInt128, Search.TokenizedText> Tokens { get; } = new();

    /// <summary>The strings the kept tokens name by number; read and saved with the cache's index.</summary>
    internal Search.Lexicon Lexicon { get; set; } = new();

    /// <summary>The tokens the current build asked for or made; empty when its search stage kept none.</summary>
    internal ConcurrentDictionary<UInt128, byte> TokensUsed { get; private set; } = new();

    /// <summary>
    /// Starts a build's record of the tokens it uses, sized for all the cache holds: a cached build marks nearly every
    /// one from all cores at once, and a record growing meanwhile locked them out of each other most of the time.
    /// </summary>
    internal void StartTokenUse() => TokensUsed = new(4 * Environment.ProcessorCount, Math.Max(31, Tokens.Count + Tokens.Count / 4));

    /// <summary>The last few sets of entity spellings bodies were rendered with, by key; memory only.</summary>
    private readonly List<(string Key, IReadOnlyList<(string Spelling, string Path)> Spellings)> _spellingSets = [];

    /// <summary>Keeps a set of spellings so a later build can tell what changed since (a few recent sets are enough).</summary>
    internal void RememberSpellings(string key, IReadOnlyList<(string Spelling, string Path)> spellings)
    {
        lock (_gate)
        {
            if (_spellingSets.Any(s => s.Key == key)) return;
            _spellingSets.Add((key, spellings));
            if (_spellingSets.Count > 4) _spellingSets.RemoveAt(0);
        }
    }

    /// <summary>The spelling sets remembered, oldest first (the disk cache keeps them for the next build).</summary>
    internal IReadOnlyList<(string Key, IReadOnlyList<(string Spelling, string Path)> Spellings)> RememberedSpellings()
    {
        lock (_gate) return [.. _spellingSets];
    }

    /// <summary>The pack the entries were read from and are saved to (<see cref="CacheStore"/>); null until one is.</summary>
    internal CachePack? Pack { get; set; }

    /// <summary>A set of spellings remembered by <see cref="RememberSpellings"/>, or null.</summary>
    internal IReadOnlyList<(string Spelling, string Path)>? SpellingsFor(string key)
    {
        lock (_gate) return _spellingSets.FirstOrDefault(s => s.Key == key).Spellings;
    }

    /// <summary>Records files (full paths, as a watcher reports them) that changed since the last build.</summary>
    public void MarkChanged(IEnumerable<string> fullPaths)
    {
        ArgumentNullException.ThrowIfNull(fullPaths);
        lock (_gate)
        {
            foreach (var path in fullPaths) _changed.Add(Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar));
        }
    }

    /// <summary>Reads the cache from disk once; a missing, unreadable or outdated cache starts empty.</summary>
    internal void EnsureLoaded()
    {
        if (_loaded) return;
        _loaded = true;
        if (Directory is not null) CacheStore.Load(this, Directory);
    }

    /// <summary>
    /// Loads the cache, and <paramref name="outputDirectory"/>'s manifest and snapshot beside it. Those two files are
    /// read on one thread while the index is read on another: a cached build at 10,000 briefs spent 50 of the cache
    /// stage's 110 ms reading them on one core after the index, with the other core idle.
    /// </summary>
    internal void EnsureLoaded(string outputDirectory)
    {
        if (_loaded || Directory is not { } directory)
        {
            EnsureLoaded();
            return;
        }
        var records = Task.Run(() => (CacheStore.LoadManifest(directory, outputDirectory), SnapshotStore.Load(directory, outputDirectory)));
        try
        {
            EnsureLoaded();
        }
        finally
        {
            // Not left reading when the index throws.
            Task.WhenAny(records).Wait();
        }
        var (manifest, snapshot) = records.GetAwaiter().GetResult();
        lock (_gate)
        {
            if (manifest is not null) _manifests.TryAdd(outputDirectory, manifest);
            _snapshots.TryAdd(outputDirectory, snapshot);
        }
    }

    /// <summary>True when the document at <paramref name="fullPath"/> may be taken from the cache without reading it.</summary>
    internal bool Trusts(string fullPath)
    {
        if (!TrustUnchangedFiles) return false;
        lock (_gate)
        {
            if (_everythingChanged) return false;
            foreach (var changed in _changed)
            {
                // A changed folder (renamed, or a watcher overflow reporting the root) covers everything below it.
                if (fullPath == changed || fullPath.StartsWith(changed + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    return false;
            }
            return true;
        }
    }

    /// <summary>
    /// The files named by <see cref="MarkChanged"/> since the last build, without consuming them; false when the
    /// next build cannot trust anything (the first one, or files are not watched).
    /// </summary>
    internal bool TryPeekChanges(out string[] changed)
    {
        lock (_gate)
        {
            changed = [.. _changed];
            return TrustUnchangedFiles && !_everythingChanged;
        }
    }

    /// <summary>Called once the load stage has looked at every changed file.</summary>
    internal void ChangesConsumed()
    {
        lock (_gate)
        {
            _changed.Clear();
            _everythingChanged = false;
        }
    }

    internal OutputManifest? Manifest(string outputDirectory)
    {
        EnsureLoaded();
        lock (_gate)
        {
            if (_manifests.TryGetValue(outputDirectory, out var manifest)) return manifest;
            manifest = Directory is null ? null : CacheStore.LoadManifest(Directory, outputDirectory);
            if (manifest is not null) _manifests[outputDirectory] = manifest;
            return manifest;
        }
    }

    /// <summary>
    /// Forgets an output folder's manifest and snapshot (before its files are changed in place, so a crash cannot leave
    /// a wrong one).
    /// </summary>
    internal void ForgetManifest(string outputDirectory)
    {
        lock (_gate)
        {
            _manifests.Remove(outputDirectory);
            _snapshots[outputDirectory] = null;
        }
        if (Directory is null) return;
        CacheStore.DeleteManifest(Directory, outputDirectory);
        SnapshotStore.Delete(Directory, outputDirectory);
    }

    /// <summary>The snapshot the last build of an output folder left (<see cref="BuildSnapshot"/>), or null.</summary>
    internal BuildSnapshot? Snapshot(string outputDirectory)
    {
        EnsureLoaded();
        lock (_gate)
        {
            if (_snapshots.TryGetValue(outputDirectory, out var snapshot)) return snapshot;
            snapshot = Directory is null ? null : SnapshotStore.Load(Directory, outputDirectory);
            _snapshots[outputDirectory] = snapshot;
            return snapshot;
        }
    }

    /// <summary>Keeps the snapshot of a build just committed (after its manifest, which it names).</summary>
    internal void RememberSnapshot(string outputDirectory, BuildSnapshot snapshot)
    {
        lock (_gate) _snapshots[outputDirectory] = snapshot;
        if (Directory is not null) SnapshotStore.Save(Directory, outputDirectory, snapshot);
    }

    /// <summary>Stores the manifest of a committed output folder and drops bodies this build did not use.</summary>
    internal void Committed(string outputDirectory, OutputManifest manifest)
    {
        lock (_gate) _manifests[outputDirectory] = manifest;
        foreach (var key in Markdown.Keys)
        {
            if (!MarkdownUsed.ContainsKey(key)) Markdown.TryRemove(key, out _);
        }
        foreach (var key in UnreadMarkdown.Keys)
        {
            if (!MarkdownUsed.ContainsKey(key)) UnreadMarkdown.TryRemove(key, out _);
        }
        if (!TokensUsed.IsEmpty)
        {
            foreach (var key in Tokens.Keys)
            {
                if (!TokensUsed.ContainsKey(key)) Tokens.TryRemove(key, out _);
            }
        }
        if (SaveOnCommit) Save();
    }

    /// <summary>
    /// Stores the manifest after a partial rebuild, which rendered few bodies: unlike <see cref="Committed"/> it
    /// keeps every body, or the next full build would render them all again.
    /// </summary>
    internal void CommittedPartial(string outputDirectory, OutputManifest manifest, bool save = true)
    {
        lock (_gate) _manifests[outputDirectory] = manifest;
        if (save && SaveOnCommit) Save();
    }

    /// <summary>
    /// Writes the cache and the manifests of every output folder it knows to disk (nothing for a memory-only cache). The
    /// documents' index and pack and the manifests are separate files, each one thread's encoding (20 and 14 ms of a
    /// cached build at 10,000 briefs): they are written side by side.
    /// </summary>
    public void Save()
    {
        if (Directory is null) return;
        Parallel.Invoke(SaveEntries, SaveManifests);
    }

    /// <summary>
    /// Writes the cache's entries and index (not the manifests): what a build loaded and rendered, which does not depend
    /// on the output folder, so a cached build writes it while its commit moves files. One save at a time.
    /// </summary>
    internal void SaveEntries()
    {
        if (Directory is null) return;
        lock (_saving) CacheStore.Save(this, Directory);
    }

    /// <summary>Writes the manifest of every output folder this cache knows.</summary>
    internal void SaveManifests()
    {
        if (Directory is null) return;
        KeyValuePair<string, OutputManifest>[] manifests;
        lock (_gate) manifests = [.. _manifests];
        foreach (var (output, manifest) in manifests) CacheStore.SaveManifest(Directory, output, manifest);
    }
}
