using System.Collections.Concurrent;
using Scriban.Runtime;
using StaticBriefs.Output;
using StaticBriefs.Rendering;

namespace StaticBriefs.Incremental;

/// <summary>
/// The output sink of an incremental build. Pages whose fingerprint matches the previous build's are kept from the
/// current output folder; other generated files (feeds, sitemap, search index) are compared by content and kept
/// when equal. Everything else goes to the staging folder as usual. <see cref="OutputPatcher"/> then applies it.
/// Without a cache (no layout keys, no previous manifest) it only counts pages.
/// </summary>
internal sealed class PageMemoSink(
    StagingOutput staging, OutputFolder output, OutputManifest? previous, IReadOnlyDictionary<string, string>? layoutKeys,
    ViewHasher? earlierHasher = null)
    : ILinkingSink, IPageMemo, IScratchSink
{
    private readonly ViewHasher _hasher = new(earlierHasher);

    /// <summary>
    /// True when every file of the previous manifest was checked to stand as recorded at the start of this build (a
    /// cached build checks them all before it trusts its snapshot): a file is linked to without looking at it again.
    /// A versioned search index links its 11,000 unchanged files to the last version's, and each second look was a
    /// call to the file system. A file changed by hand in between is linked as it then is; its record no longer
    /// describes it, so the next build does not trust the output and builds it whole.
    /// </summary>
    internal bool PreviousChecked { get; init; }

    /// <summary>
    /// The hashes of this build's views that the next build from memory (preview) can be handed again: cards and term
    /// links, which an edit carries over as the same objects (see ViewFactory).
    /// </summary>
    internal ViewHasher Carried() => _hasher.Narrowed(static view => view is Rendering.Views.BriefCard or Rendering.Views.LinkView);
    private readonly ConcurrentDictionary<string, OutputRecord> _kept = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _written = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, OutputRecord> _linked = new(StringComparer.Ordinal);
    private int _pagesRendered;
    private int _pagesReused;

    public StagingOutput Staging => staging;

    string IScratchSink.ScratchFile(string name) => ((IScratchSink)staging).ScratchFile(name);

    public OutputManifest? Previous => previous;

    public int PagesRendered => _pagesRendered;

    public int PagesReused => _pagesReused;

    /// <summary>Files kept from the previous output, with their records.</summary>
    public IReadOnlyDictionary<string, OutputRecord> Kept => _kept;

    /// <summary>Keys of the files written to the staging folder.</summary>
    public IReadOnlyDictionary<string, string> Written => _written;

    /// <summary>
    /// Of the written files, those staged as links to a file of the previous output that stood as its record says, with
    /// that record: a link is the same file, so it is the new file's record too (its key, size and write time).
    /// </summary>
    public IReadOnlyDictionary<string, OutputRecord> Linked => _linked;

    public string? Fingerprint(string layout, string file, ScriptObject globals)
    {
        // Without a cache to keep them in, fingerprints would be computed for nothing.
        if (layoutKeys is null) return null;
        var view = _hasher.Hash(globals);
        return view is null ? null : ContentHash.Of("page", layoutKeys[layout], file, view);
    }

    public bool TryReuse(string file, string fingerprint)
    {
        if (!Keep(file, fingerprint)) return false;
        Interlocked.Increment(ref _pagesReused);
        return true;
    }

    public void WritePage(string file, PageHtml html, string? fingerprint)
    {
        Interlocked.Increment(ref _pagesRendered);
        html.WriteTo(staging, file);
        // A page written without a fingerprint (known to have changed, or too deep to hash) is recorded by its bytes: a
        // later build renders it rather than keep it, and the record still says what the file holds. An empty key is a
        // file copied again by every build (an asset), which the output check would not find among the pages.
        _written[file] = fingerprint ?? (layoutKeys is null ? "" : BytesOfPage(html));
    }

    /// <summary>The record key of a page written without a fingerprint.</summary>
    internal static string BytesOfPage(PageHtml html) => html.Hash();

    /// <summary>The record key of a page written without a fingerprint, from its text.</summary>
    internal static string BytesOfPage(string html) => BytesOfPage(new PageHtml(html));

    public string? KeyOf(object view) =>
        layoutKeys is null || _hasher.Hash(view) is not { } hash ? null : ContentHash.Of("view", view.GetType().FullName, hash);

    public bool KeepsFilesByKey => layoutKeys is not null;

    public bool TryKeepFile(string file, string key) => Keep(file, "made:" + key);

    public void WriteFile(string file, ReadOnlySpan<byte> content, string key)
    {
        staging.WriteBytes(file, content);
        _written[file] = "made:" + key;
    }

    public void WriteText(string relativePath, string content)
    {
        var key = ContentHash.Of("text", content);
        if (Keep(relativePath, key)) return;
        staging.WriteText(relativePath, content);
        _written[relativePath] = key;
    }

    /// <summary>As <see cref="WriteText(string, string)"/>, without making the builder's text a string.</summary>
    public void WriteText(string relativePath, System.Text.StringBuilder content)
    {
        var key = ContentHash.Of("text", content);
        if (Keep(relativePath, key)) return;
        staging.WriteText(relativePath, content);
        _written[relativePath] = key;
    }

    public void WriteBytes(string relativePath, ReadOnlySpan<byte> content)
    {
        var key = BytesKey(ContentHash.Of(content));
        if (Keep(relativePath, key)) return;
        staging.WriteBytes(relativePath, content);
        _written[relativePath] = key;
    }

    /// <summary>The key of a file written as bytes, from their <see cref="ContentHash"/>.</summary>
    private static string BytesKey(string contentHash) => "bytes:" + contentHash;

    public void WriteBytesLike(string relativePath, ReadOnlySpan<byte> content, UInt128 hash, string? earlierPath, string? key = null)
    {
        key ??= BytesKey(ContentHash.Of(hash));
        if (Keep(relativePath, key)) return;
        if (earlierPath is not null && Untouched(earlierPath, key, PreviousChecked) is { } earlier)
        {
            if (_move is { } move && move.Moves(earlierPath) && move.Before(relativePath) == earlierPath)
            {
                // The same file under the moved folder's new name: its record stands.
                staging.Carry(relativePath);
                _linked[relativePath] = earlier;
            }
            else if (staging.WriteBytesAsLinkTo(Path.Combine(output.Root, earlierPath), relativePath, content)) _linked[relativePath] = earlier;
        }
        else staging.WriteBytes(relativePath, content);
        _written[relativePath] = key;
    }

    public bool TryKeepLike(string relativePath, string key, string earlierPath)
    {
        if (Keep(relativePath, key)) return true;
        if (Untouched(earlierPath, key, PreviousChecked) is not { } earlier) return false;
        if (_move is { } move && move.Moves(earlierPath) && move.Before(relativePath) == earlierPath) staging.Carry(relativePath);
        else if (!staging.TryLinkTo(Path.Combine(output.Root, earlierPath), relativePath, earlier.Length)) return false;
        _linked[relativePath] = earlier;
        _written[relativePath] = key;
        return true;
    }

    public (string Key, long Length)? EarlierRecord(string path) =>
        previous is not null && previous.Files.TryGetValue(path, out var record) ? (record.Key, record.Length) : null;

    private FolderMove? _move;

    /// <summary>
    /// Plans the move of <paramref name="earlierFolder"/> to <paramref name="folder"/> when every file of the previous
    /// output was checked at the start of this build (a cached build's), the move pays and the output folder allows it
    /// (see <see cref="OutputFolder.CanMove"/>). One move a build; called before the folder's files are written.
    /// </summary>
    public bool TryMoveFolder(string earlierFolder, string folder, IReadOnlyList<(string Path, UInt128 Hash, string? Key)> files)
    {
        if (!PreviousChecked || previous is null || _move is not null) return false;
        var (unchanged, twins) = (0, 0);
        foreach (var (path, hash, key) in files)
        {
            if (!previous.Files.TryGetValue(earlierFolder + path, out var record)) continue;
            twins++;
            if (record.Key == (key ?? BytesKey(ContentHash.Of(hash)))) unchanged++;
        }
        var earlier = previous.Files.Keys.Count(f => f.StartsWith(earlierFolder, StringComparison.Ordinal));
        // A file placed into the moved folder or removed from it is a look and two renames in the commit, on one core; an
        // unchanged file left behind is a link made beside the rendering and a removal after the commit. Measured at
        // 10,000 briefs: a body edit changes 20 of 11,800 files (the move saves 23,000 calls), a date edit 4,000 (it
        // saves none, and puts them in the commit).
        var placed = files.Count - unchanged + (earlier - twins);
        if (2 * placed > unchanged) return false;
        var move = new FolderMove(earlierFolder.TrimEnd('/'), folder.TrimEnd('/'));
        if (!output.CanMove(move)) return false;
        staging.Move(move);
        _move = move;
        return true;
    }

    /// <summary>
    /// Keeps the previous file when it was made from <paramref name="key"/> and nobody has touched it since. A file
    /// behind a link (a folder of the output replaced by a link) is never kept: it is written again, as a real file.
    /// </summary>
    private bool Keep(string file, string key)
    {
        if (Untouched(file, key) is not { } record) return false;
        _kept[file] = record;
        return true;
    }

    /// <summary>
    /// The previous build's record of <paramref name="file"/> when it was made from <paramref name="key"/> and stands
    /// as it was written (same length and time, a plain file, no link on its way; not looked at again when
    /// <paramref name="checkedAlready"/>); else null.
    /// </summary>
    private OutputRecord? Untouched(string file, string key, bool checkedAlready = false)
    {
        if (previous is null || !previous.Files.TryGetValue(file, out var record) || record.Key != key) return null;
        return checkedAlready || record.Describes(output, file) ? record : null;
    }
}
