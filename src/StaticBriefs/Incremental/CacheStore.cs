using System.Collections.Immutable;
using System.IO.Hashing;
using System.Text;

namespace StaticBriefs.Incremental;

/// <summary>
/// Reads and writes a <see cref="BuildCache"/> on disk, in binary. The entries themselves (documents, rendered bodies)
/// live in an append-only pack (<see cref="CachePack"/>): a build appends only what it made anew, and the pack is
/// rewritten (compacted, under a new name) only when most of it is no longer used. A small index file,
/// <c>sources.bin</c>, names the pack and where each entry is; it is replaced by rename after the pack is written, so
/// a killed build leaves either the old cache or the new one. Every entry carries its key and a checksum: anything that
/// cannot be read, or reads wrong, is ignored and the build simply does more work.
/// </summary>
internal static partial class CacheStore
{
    private const string IndexFile = "sources.bin";
    private const string PackPattern = "bodies-*.pack";
    private const int FormatVersion = 5;
    private static readonly byte[] IndexMagic = "SBCACHE2"u8.ToArray();
    private static readonly byte[] ManifestMagic = "SBOUTPT1"u8.ToArray();

    /// <summary>Whether <paramref name="directory"/> holds a saved cache (its index), without reading it.</summary>
    public static bool HasSaved(string directory) => File.Exists(Path.Combine(directory, IndexFile));

    public static void Load(BuildCache cache, string directory)
    {
        try
        {
            LoadIndex(cache, directory);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or EndOfStreamException or UnauthorizedAccessException
            or ArgumentException or DecoderFallbackException or FormatException or OverflowException)
        {
            // An index from another version or a damaged file: start over rather than fail the build.
            cache.Documents.Clear();
            cache.Markdown.Clear();
            cache.UnreadMarkdown.Clear();
            cache.Tokens.Clear();
            cache.Lexicon = new();
            if (cache.Pack is { LendsBodies: false } unused) unused.Dispose();
            cache.Pack = null;
        }
    }

    private static void LoadIndex(BuildCache cache, string directory)
    {
        var indexPath = Path.Combine(directory, IndexFile);
        if (!File.Exists(indexPath)) return;
        var bytes = File.ReadAllBytes(indexPath);
        using var reader = BufferReader.Over(bytes, 0, bytes.Length);
        if (!ReadHeader(reader, IndexMagic)) return;
        var packName = reader.ReadString();
        // Only a pack of the name this tool makes: a damaged or planted index must not have a build append to another file.
        if (!OwnPack().IsMatch(packName)) return;
        var documents = new (string Path, string Hash, string Reading, FileSystem.FileStamp? Stamp, PackSpan Span)[ReadCount(reader)];
        for (var i = 0; i < documents.Length; i++)
            documents[i] = (reader.ReadString(), reader.ReadString(), reader.ReadString(), ReadStamp(reader), ReadSpan(reader));
        var bodies = new (string Key, string? Spellings, PackSpan Span, ReadOnlyMemory<byte> Lookups)[ReadCount(reader)];
        for (var i = 0; i < bodies.Length; i++)
        {
            var (key, spellingsKey, span) = (reader.ReadString(), CacheCodec.ReadNullable(reader), ReadSpan(reader));
            // Left encoded, in the index's bytes, until a plan asks for them (UnreadBody.Lookups).
            var (at, length) = reader.SkipString();
            bodies[i] = (key, spellingsKey, span, bytes.AsMemory(at, length));
        }
        var tokens = new (UInt128 Key, PackSpan Span)[ReadCount(reader)];
        for (var i = 0; i < tokens.Length; i++) tokens[i] = (ReadKey(reader), ReadSpan(reader));
        var strings = new string[ReadCount(reader)];
        for (var i = 0; i < strings.Length; i++) strings[i] = reader.ReadString();
        var lexicon = new Search.Lexicon(strings);
        var spellings = new List<(string Key, IReadOnlyList<(string Spelling, string Path)> Pairs)>();
        for (var sets = ReadCount(reader); sets > 0; sets--)
        {
            var key = reader.ReadString();
            var pairs = new (string, string)[ReadCount(reader)];
            for (var i = 0; i < pairs.Length; i++) pairs[i] = (reader.ReadString(), reader.ReadString());
            spellings.Add((key, pairs));
        }
        if (!reader.ReadBytes(IndexMagic.Length).AsSpan().SequenceEqual(IndexMagic)) return;

        var packPath = Path.Combine(directory, packName);
        if (!File.Exists(packPath)) return;
        var pack = CachePack.Open(packPath);
        cache.Pack = pack;
        cache.Lexicon = lexicon;
        foreach (var (key, pairs) in spellings) cache.RememberSpellings(key, pairs);
        // Rendered bodies are most of the pack and a build that plans from a snapshot needs a few: they are read when
        // asked for (BuildCache.TryGetMarkdown). Documents and tokens are all needed. Entries are independent: decode them
        // on every core, then enter them from one thread (parallel inserts into the cache's dictionaries, growing as they
        // go, cost as much as the decoding).
        foreach (var (key, spellingsKey, span, lookups) in bodies)
        {
            var unread = new UnreadBody(spellingsKey, lookups);
            cache.UnreadMarkdown[key] = unread;
            pack.Remember(unread, span);
        }
        // Read in windows of neighbouring records (CachePack.ReadAll): documents first, then tokens.
        var loaded = pack.ReadAll<object>([.. documents.Select(d => d.Span), .. tokens.Select(t => t.Span)],
            i => i < documents.Length ? 'd' : 't',
            i => i < documents.Length ? documents[i].Path : TokenKey(tokens[i - documents.Length].Key),
            (i, r) =>
            {
                if (i >= documents.Length) return CacheCodec.ReadTokens(r, lexicon);
                var (path, hash, reading, stamp, span) = documents[i];
                return new DocumentEntry(hash, CacheCodec.ReadDocument(r, pack.LeftBody(span)), CacheCodec.ReadDiagnostics(r))
                {
                    Reading = reading,
                    Stamp = stamp,
                };
            });
        var loadedDocuments = new DocumentEntry?[documents.Length];
        for (var i = 0; i < documents.Length; i++)
        {
            if (loaded[i] is DocumentEntry entry && entry.Document.RelativePath == documents[i].Path) loadedDocuments[i] = entry;
        }
        var loadedTokens = new Search.TokenizedText?[tokens.Length];
        for (var i = 0; i < tokens.Length; i++) loadedTokens[i] = loaded[documents.Length + i] as Search.TokenizedText;
        for (var i = 0; i < documents.Length; i++)
        {
            if (loadedDocuments[i] is not { } entry) continue;
            cache.Documents[documents[i].Path] = entry;
            pack.Remember(entry.Document, documents[i].Span);
        }
        for (var i = 0; i < tokens.Length; i++)
        {
            if (loadedTokens[i] is not { } entry) continue;
            cache.Tokens[tokens[i].Key] = entry;
            pack.Remember(entry, tokens[i].Span);
        }
    }

    /// <summary>Reads one rendered body from <paramref name="pack"/>; null when its record is damaged or not that body.</summary>
    internal static MarkdownEntry? ReadBody(CachePack pack, PackSpan span, string key, string? spellingsKey) =>
        pack.Read(span, 'm', key, r => new MarkdownEntry(
            CacheCodec.ReadRendered(r), CacheCodec.ReadLookups(r), CacheCodec.ReadDiagnostics(r), spellingsKey));

    /// <summary>
    /// The link look-ups of the rendered body at <paramref name="span"/>, and whether its plain text contains any of
    /// <paramref name="words"/> (UTF-8), read from the record's bytes without decoding its HTML or text; null when the
    /// record is damaged or not that body.
    /// </summary>
    internal static LinkCheck? ReadLinkCheck(CachePack pack, PackSpan span, string key, byte[][] words) =>
        pack.Read(span, 'm', key, r => CacheCodec.ReadLinkCheck((BufferReader)r, words));

    /// <summary><see cref="ReadLinkCheck"/> of each of <paramref name="spans"/>, a window of records at a time.</summary>
    internal static LinkCheck?[] ReadLinkChecks(CachePack pack, IReadOnlyList<PackSpan> spans, Func<int, string> key, Func<int, byte[][]> words) =>
        pack.ReadAll(spans, _ => 'm', key, (i, r) => CacheCodec.ReadLinkCheck((BufferReader)r, words(i)));

    public static void Save(BuildCache cache, string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        var documents = cache.Documents.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
        var bodies = StoredBodies(cache);
        var tokens = cache.Tokens.OrderBy(p => p.Key).ToArray();
        var previous = cache.Pack;
        var items = new PackItem[documents.Length + bodies.Length + tokens.Length];
        for (var i = 0; i < documents.Length; i++)
        {
            var (path, entry) = documents[i];
            items[i] = new PackItem('d', path, entry.Document, w =>
            {
                CacheCodec.WriteDocument(w, entry.Document);
                CacheCodec.WriteDiagnostics(w, entry.Warnings);
            });
        }
        for (var i = 0; i < bodies.Length; i++)
        {
            var (key, spellingsKey, identity, _, entry) = bodies[i];
            items[documents.Length + i] = new PackItem('m', key, identity, w =>
            {
                // An unread body whose record could not be copied: it is read now, or left out when it cannot be.
                var body = entry ?? (previous?.SpanOf(identity) is { } span ? ReadBody(previous, span, key, spellingsKey) : null)
                    ?? throw new CacheCodec.UnsupportedValueException("a cached body that cannot be read");
                CacheCodec.WriteRendered(w, body.Result);
                CacheCodec.WriteLookups(w, body.Lookups);
                CacheCodec.WriteDiagnostics(w, body.Warnings);
            });
        }
        for (var i = 0; i < tokens.Length; i++)
        {
            var (key, entry) = tokens[i];
            items[documents.Length + bodies.Length + i] = new PackItem('t', TokenKey(key), entry, w => CacheCodec.WriteTokens(w, entry));
        }
        var pack = CachePack.Write(directory, previous, items, PackPattern.Replace("*", Guid.NewGuid().ToString("N")[..12], StringComparison.Ordinal));
        // A pack that lent bodies stays open while documents hold it (its file is removed below; what is open stays readable).
        if (!ReferenceEquals(pack, previous) && previous is { LendsBodies: false }) previous.Dispose();
        cache.Pack = pack;

        WriteAtomically(Path.Combine(directory, IndexFile), writer =>
        {
            WriteHeader(writer, IndexMagic);
            writer.Write(Path.GetFileName(pack.Path));
            var stored = documents.Where((_, i) => items[i].Span is not null).ToArray();
            writer.Write(stored.Length);
            foreach (var (path, entry) in stored)
            {
                writer.Write(path);
                writer.Write(entry.Hash);
                writer.Write(entry.Reading);
                WriteStamp(writer, entry.Stamp);
                WriteSpan(writer, pack.SpanOf(entry.Document)!.Value);
            }
            var storedBodies = bodies.Where((_, i) => items[documents.Length + i].Span is not null).ToArray();
            writer.Write(storedBodies.Length);
            foreach (var (key, spellingsKey, identity, lookups, _) in storedBodies)
            {
                writer.Write(key);
                CacheCodec.WriteNullable(writer, spellingsKey);
                WriteSpan(writer, pack.SpanOf(identity)!.Value);
                writer.Write7BitEncodedInt(lookups.Length);
                writer.Write(lookups.Span);
            }
            var storedTokens = tokens.Where((_, i) => items[documents.Length + bodies.Length + i].Span is not null).ToArray();
            writer.Write(storedTokens.Length);
            foreach (var (key, entry) in storedTokens)
            {
                writer.Write((ulong)(key >> 64));
                writer.Write((ulong)key);
                WriteSpan(writer, pack.SpanOf(entry)!.Value);
            }
            // Whole, every save: the token sets in the pack name its strings by number, and it only grows.
            var strings = cache.Lexicon.Snapshot();
            writer.Write(strings.Length);
            foreach (var text in strings) writer.Write(text);
            var spellings = cache.RememberedSpellings();
            writer.Write(spellings.Count);
            foreach (var (key, pairs) in spellings)
            {
                writer.Write(key);
                writer.Write(pairs.Count);
                foreach (var (spelling, path) in pairs)
                {
                    writer.Write(spelling);
                    writer.Write(path);
                }
            }
            writer.Write(IndexMagic);
        });
        RemoveStale(directory, pack.Path);
    }

    /// <summary>
    /// Every body to store, read or not, in key order: its spellings key, the object the pack knows it by (the rendered
    /// result, or the <see cref="UnreadBody"/>), its link look-ups (for the index) and the entry when it was read.
    /// </summary>
    private static (string Key, string? SpellingsKey, object Identity, ReadOnlyMemory<byte> Lookups, MarkdownEntry? Entry)[] StoredBodies(BuildCache cache)
    {
        var bodies = new List<(string, string?, object, ReadOnlyMemory<byte>, MarkdownEntry?)>(cache.Markdown.Count + cache.UnreadMarkdown.Count);
        foreach (var (key, entry) in cache.Markdown) bodies.Add((key, entry.SpellingsKey, entry.Result, CacheCodec.LookupBytes(entry.Lookups), entry));
        foreach (var (key, unread) in cache.UnreadMarkdown)
        {
            if (!cache.Markdown.ContainsKey(key)) bodies.Add((key, unread.SpellingsKey, unread, unread.LookupBytes, null));
        }
        return [.. bodies.OrderBy(b => b.Item1, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Packs no index names any more, and the JSON cache of earlier versions (240 MB at 10,000 briefs). Only names this
    /// tool makes are removed (<c>--cache DIR</c> may name a folder holding other files).
    /// </summary>
    private static void RemoveStale(string directory, string current)
    {
        try
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(directory))
            {
                var name = Path.GetFileName(file);
                if (file != current && (OwnPack().IsMatch(name) || name == "sources.json" || OldManifest().IsMatch(name))) File.Delete(file);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Another build may be using them; the next save tries again.
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^bodies-[0-9a-f]{12}\\.pack$")]
    private static partial System.Text.RegularExpressions.Regex OwnPack();

    [System.Text.RegularExpressions.GeneratedRegex("^output-[0-9a-f]{16}\\.json$")]
    private static partial System.Text.RegularExpressions.Regex OldManifest();

    public static OutputManifest? LoadManifest(string directory, string outputDirectory)
    {
        var path = ManifestPath(directory, outputDirectory);
        if (!File.Exists(path)) return null;
        try
        {
            var bytes = File.ReadAllBytes(path);
            using var reader = BufferReader.Over(bytes, 0, bytes.Length);
            if (!ReadHeader(reader, ManifestMagic) || reader.ReadString() != outputDirectory) return null;
            var context = reader.ReadString();
            var count = ReadCount(reader);
            var files = new Dictionary<string, OutputRecord>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++) files[reader.ReadString()] = new OutputRecord(reader.ReadString(), reader.ReadInt64(), reader.ReadInt64());
            return reader.ReadBytes(ManifestMagic.Length).AsSpan().SequenceEqual(ManifestMagic) ? new OutputManifest(context, files) : null;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or EndOfStreamException or UnauthorizedAccessException
            or ArgumentException or DecoderFallbackException or FormatException)
        {
            return null;
        }
    }

    public static void SaveManifest(string directory, string outputDirectory, OutputManifest manifest) =>
        WriteAtomically(ManifestPath(directory, outputDirectory), writer =>
        {
            WriteHeader(writer, ManifestMagic);
            writer.Write(outputDirectory);
            writer.Write(manifest.Context);
            writer.Write(manifest.Files.Count);
            foreach (var (file, record) in manifest.Files)
            {
                writer.Write(file);
                writer.Write(record.Key);
                writer.Write(record.Length);
                writer.Write(record.WriteTicks);
            }
            writer.Write(ManifestMagic);
        });

    public static void DeleteManifest(string directory, string outputDirectory)
    {
        var path = ManifestPath(directory, outputDirectory);
        if (File.Exists(path)) File.Delete(path);
    }

    private static string ManifestPath(string directory, string outputDirectory) =>
        Path.Combine(directory, "output-" + ContentHash.Of(outputDirectory)[..16] + ".bin");

    internal static void WriteHeader(BinaryWriter writer, byte[] magic)
    {
        writer.Write(magic);
        writer.Write(FormatVersion);
        writer.Write(GeneratorKey.Value);
    }

    internal static bool ReadHeader(BinaryReader reader, byte[] magic) =>
        reader.ReadBytes(magic.Length).AsSpan().SequenceEqual(magic)
        && reader.ReadInt32() == FormatVersion
        && reader.ReadString() == GeneratorKey.Value;

    private static int ReadCount(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        // Every entry takes at least a byte: a larger count is a damaged file, not a reason to allocate.
        if (count < 0 || count > reader.BaseStream.Length) throw new InvalidDataException("bad count");
        return count;
    }

    private static void WriteSpan(BinaryWriter writer, PackSpan span)
    {
        writer.Write(span.Offset);
        writer.Write(span.Length);
    }

    private static UInt128 ReadKey(BinaryReader reader)
    {
        var upper = reader.ReadUInt64();
        return new UInt128(upper, reader.ReadUInt64());
    }

    private static string TokenKey(UInt128 key) => key.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);

    private static void WriteStamp(BinaryWriter writer, FileSystem.FileStamp? stamp)
    {
        writer.Write(stamp is not null);
        if (stamp is not { } s) return;
        writer.Write((int)s.Kind);
        writer.Write(s.Size);
        writer.Write(s.WriteTicks);
        writer.Write(s.ChangeNanoseconds);
        writer.Write(s.Inode);
        writer.Write(s.Device);
    }

    private static FileSystem.FileStamp? ReadStamp(BinaryReader reader) =>
        reader.ReadBoolean()
            ? new FileSystem.FileStamp((FileSystem.FileKind)reader.ReadInt32(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadUInt64(), reader.ReadUInt64())
            : null;

    private static PackSpan ReadSpan(BinaryReader reader) => new(reader.ReadInt64(), reader.ReadInt32());

    /// <summary>Writes a file beside its final name and renames it into place.</summary>
    internal static void WriteAtomically(string path, Action<BinaryWriter> write)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            using (var writer = new BinaryWriter(stream, Encoding.UTF8)) write(writer);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>A checksum of an entry's bytes, to tell a damaged or torn entry from a good one.</summary>
    internal static ulong Checksum(ReadOnlySpan<byte> bytes) => XxHash3.HashToUInt64(bytes);
}
