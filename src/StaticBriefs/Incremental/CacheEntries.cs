using System.Collections.Immutable;
using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;
using StaticBriefs.Model;
using StaticBriefs.Rendering.Markdown;

namespace StaticBriefs.Incremental;

/// <summary>A source file as last loaded: its content hash, the document it gave, and the warnings loading it reported.</summary>
/// <param name="Hash">Hash of the file's bytes.</param>
/// <param name="Document">The loaded document (files with errors are never cached).</param>
/// <param name="Warnings">Warnings to report again when the entry is reused.</param>
internal sealed record DocumentEntry(string Hash, SourceDocument Document, ImmutableArray<Diagnostic> Warnings)
{
    /// <summary>Hash of the <c>_site.yml</c> reading settings the document was read with (<see cref="FrontMatterSettings.Fingerprint"/>).</summary>
    public string Reading { get; init; } = "";

    /// <summary>
    /// The file as the file system described it just before it was read (<see cref="InputStamps"/>); null when it was
    /// too recently changed to vouch for its bytes, or not looked at. The same stamp later means the same bytes.
    /// </summary>
    public FileSystem.FileStamp? Stamp { get; init; }
}

/// <summary>One question the link checker asked about the site while rendering a body, and the answer it got.</summary>
/// <param name="Set">
/// 'k' known paths, 's' static files, 'p' paths by source file, 'n' source files by name, 'r' bundle files, 'a' old
/// URLs, 'u' unpublished documents.
/// </param>
/// <param name="Key">What was looked up.</param>
/// <param name="Answer">"1"/"0" for set membership, the path found (or null) for a source look-up.</param>
internal sealed record LinkLookup(char Set, string Key, string? Answer);

/// <summary>
/// A rendered body. Its HTML depends on the site only through the link look-ups it made, so it stays valid as long
/// as the current site answers every one of them the same way.
/// </summary>
/// <param name="Result">The rendered markdown.</param>
/// <param name="Lookups">Link look-ups made while rendering.</param>
/// <param name="Warnings">Warnings to report again when the entry is reused.</param>
/// <param name="SpellingsKey">Hash of the entity spellings it was auto-linked with (see <see cref="MarkdownMemo"/>).</param>
internal sealed record MarkdownEntry(
    RenderedMarkdown Result, ImmutableArray<LinkLookup> Lookups, ImmutableArray<Diagnostic> Warnings, string? SpellingsKey = null)
{
    /// <summary>True when <paramref name="links"/> answers every recorded look-up as before.</summary>
    public bool StillValid(LinkContext links) => Answered(Lookups, links);

    /// <summary>True when <paramref name="links"/> answers every one of <paramref name="lookups"/> as recorded.</summary>
    public static bool Answered(ImmutableArray<LinkLookup> lookups, LinkContext links)
    {
        foreach (var lookup in lookups)
        {
            var answer = lookup.Set switch
            {
                'k' => links.KnownPaths.Contains(lookup.Key) ? "1" : "0",
                's' => links.StaticFiles.Contains(lookup.Key) ? "1" : "0",
                'n' => links.SourcesByName.TryGetValue(lookup.Key, out var sources) ? sources : null,
                'r' => links.Resources.TryGetValue(lookup.Key, out var resource) ? resource : null,
                'a' => links.Redirects.TryGetValue(lookup.Key, out var moved) ? moved : null,
                'u' => links.Unpublished.TryGetValue(lookup.Key, out var why) ? why : null,
                _ => links.PathsBySource.TryGetValue(lookup.Key, out var path) ? path : null,
            };
            if (!string.Equals(answer, lookup.Answer, StringComparison.Ordinal)) return false;
        }
        return true;
    }
}

/// <summary>
/// A rendered body the disk cache holds and this process has not read yet. Most builds that plan from a snapshot need
/// a handful of the 10,000 bodies, so the load only names them and each is read, checked and decoded when first asked
/// for (<see cref="BuildCache.TryGetMarkdown"/>). The object itself is the pack's handle on the record
/// (<see cref="CachePack.SpanOf"/>), so an unread body is kept across saves without being read at all.
/// </summary>
/// <param name="SpellingsKey">Hash of the entity spellings it was auto-linked with, as its index entry says.</param>
/// <param name="LookupBytes">
/// Its link look-ups as its index entry holds them, encoded (<see cref="CacheCodec.LookupBytes"/>): an edit that adds,
/// moves or deletes a brief asks them of every body, and reading each record for them read most of the pack; decoding
/// them all at every load made the load slower by as much.
/// </param>
internal sealed class UnreadBody(string? SpellingsKey, ReadOnlyMemory<byte> LookupBytes)
{
    private string? _spellingsKey = SpellingsKey;

    /// <summary>The body's link look-ups, encoded.</summary>
    public ReadOnlyMemory<byte> LookupBytes { get; } = LookupBytes;

    /// <summary>The body's link look-ups; null when the index's bytes for them are damaged.</summary>
    public System.Collections.Immutable.ImmutableArray<LinkLookup>? Lookups() => CacheCodec.ReadLookupBytes(LookupBytes);

    /// <summary>
    /// Moves on to the current spellings when a check (<see cref="MarkdownMemo.IsCurrent"/>) finds the body links the
    /// same with them, so the next save records that without the body being read.
    /// </summary>
    public string? SpellingsKey
    {
        get => Volatile.Read(ref _spellingsKey);
        set => Volatile.Write(ref _spellingsKey, value);
    }
}

/// <summary>What the stale-link check of an edit needs of a rendered body left in the pack (<see cref="CacheStore.ReadLinkCheck"/>).</summary>
/// <param name="Lookups">The link look-ups made while rendering it.</param>
/// <param name="Mentions">True when its plain text contains one of the words asked about.</param>
internal sealed record LinkCheck(ImmutableArray<LinkLookup> Lookups, bool Mentions);

/// <summary>A file of the last committed output: the key it was made from, and its size and time to notice hand edits.</summary>
/// <param name="Key">Page fingerprint or content hash; empty for files that are always rewritten.</param>
/// <param name="Length">Size in bytes after commit.</param>
/// <param name="WriteTicks">Last write time (UTC ticks) after commit.</param>
internal sealed record OutputRecord(string Key, long Length, long WriteTicks)
{
    /// <summary>
    /// The record of the plain file at <paramref name="path"/> (a link is not followed) made from <paramref name="key"/>,
    /// as it stands now; null when there is none.
    /// </summary>
    public static OutputRecord? Of(string key, string path)
    {
        if (FileSystem.FileStamp.Of(path) is { } stamp) return FromStamp(key, stamp);
        var info = new FileInfo(path);
        return info.Exists && (info.Attributes & FileAttributes.ReparsePoint) == 0 ? new OutputRecord(key, info.Length, info.LastWriteTimeUtc.Ticks) : null;
    }

    /// <summary>
    /// <see cref="Of"/> for <paramref name="file"/> (relative, '/') in <paramref name="folder"/>, without the joined path
    /// where the file system is asked directly.
    /// </summary>
    public static OutputRecord? In(string key, string folder, string file)
    {
        return FileSystem.FileStamp.In(folder, file) is { } stamp ? FromStamp(key, stamp) : Of(key, Path.Combine(folder, file));
    }

    /// <summary>The record of a plain file from its stamp; null for anything else (a link, a folder, nothing).</summary>
    private static OutputRecord? FromStamp(string key, FileSystem.FileStamp stamp) =>
        stamp.Kind == FileSystem.FileKind.Regular ? new OutputRecord(key, stamp.Size, stamp.WriteTicks) : null;

    /// <summary>
    /// True when <paramref name="file"/> of <paramref name="output"/> stands as this record says the last build left
    /// it: a plain file (no link, none on its way) of the same size and write time.
    /// </summary>
    /// <param name="output">The output folder.</param>
    /// <param name="file">The file, relative to it.</param>
    /// <param name="root">The output folder held open (<see cref="FileSystem.FolderHandle"/>), when the caller asks of many files.</param>
    public bool Describes(Output.OutputFolder output, string file, FileSystem.FolderHandle? root = null)
    {
        if (!output.IsLinkFree(file)) return false;
        // Looked at without a joined path or a record made for the answer: a cached build asks this of every output file.
        if ((root is null ? FileSystem.FileStamp.In(output.Root, file) : FileSystem.FileStamp.In(root, file)) is { } stamp)
            return stamp.Kind == FileSystem.FileKind.Regular && stamp.Size == Length && stamp.WriteTicks == WriteTicks;
        return Of(Key, Path.Combine(output.Root, file)) is { } now && now.Length == Length && now.WriteTicks == WriteTicks;
    }
}

/// <summary>Every file of one output folder as the last successful build left it.</summary>
/// <param name="Context">Hash of the generator and output settings the files were made with.</param>
/// <param name="Files">Records by path relative to the output folder.</param>
internal sealed record OutputManifest(string Context, Dictionary<string, OutputRecord> Files);
