using System.Buffers.Binary;
using System.Collections.Immutable;
using System.IO.Hashing;
using System.Text;
using StaticBriefs.Diagnostics;
using StaticBriefs.Rendering.Theme;

namespace StaticBriefs.Incremental;

/// <summary>One published brief of a build, in id order: its source file, the key of its search tokens, its word count.</summary>
/// <param name="Source">The brief's source path.</param>
/// <param name="TextKey">The key its search tokens are kept under in the cache (<see cref="TokenMemo"/>).</param>
/// <param name="WordCount">Words in its body.</param>
internal readonly record struct SnapshotBrief(string Source, UInt128 TextKey, int WordCount);

/// <summary>
/// What a cached <c>build</c> needs to put the previous build's <see cref="LiveState"/> back together from the cache
/// (<see cref="CachedRebuild"/>), so that the next build after an edit can plan from the model, as preview does, rather
/// than fingerprint every page. It names entries of the cache by key (documents by path and hash, search tokens by
/// text key, bodies by their memo key) and holds the little the cache does not: what the build was made with, the
/// entity data files it read, the theme's published assets and the build's diagnostics. It is bound to one output
/// folder's manifest (<see cref="ManifestKey"/>): any other commit forgets it, and a snapshot that does not match
/// the manifest, or anything the build now sees, only sends the build down the ordinary path.
/// </summary>
internal sealed record BuildSnapshot
{
    /// <summary>What every output file depends on besides its inputs (the manifest's context).</summary>
    public required string Context { get; init; }

    /// <summary>The build options that shape the output (<see cref="SnapshotChecks.OptionsKey"/>).</summary>
    public required string OptionsKey { get; init; }

    /// <summary>Every theme file (<see cref="SnapshotChecks.ThemeKey"/>).</summary>
    public required string ThemeKey { get; init; }

    /// <summary>The settings file's text as the load read it, hashed (empty without one).</summary>
    public required string SettingsKey { get; init; }

    /// <summary>The static files (relative paths, ordinal order) and the hash of the host files merged into generated ones.</summary>
    public required ImmutableArray<string> StaticFiles { get; init; }

    public required string HostFilesKey { get; init; }

    /// <summary>The manifest of the output folder the build left (<see cref="KeyOf(OutputManifest)"/>).</summary>
    public required ulong ManifestKey { get; init; }

    /// <summary>Every loaded document by source path, with the hash of its bytes.</summary>
    public required ImmutableArray<(string Path, string Hash)> Documents { get; init; }

    /// <summary>The entity data files as the load read them, by relative path.</summary>
    public required ImmutableArray<(string Path, string Text)> EntityTexts { get; init; }

    /// <summary>The published briefs in id order.</summary>
    public required ImmutableArray<SnapshotBrief> Briefs { get; init; }

    public required PublishedAssets Assets { get; init; }

    public required ImmutableSortedDictionary<string, string> LayoutKeys { get; init; }

    /// <summary>Every diagnostic the build reported.</summary>
    public required ImmutableArray<Diagnostic> Diagnostics { get; init; }

    /// <summary>An order-independent hash of a manifest's records, so a snapshot never outlives the output it describes.</summary>
    public static ulong KeyOf(OutputManifest manifest)
    {
        var sum = (ulong)manifest.Files.Count;
        Span<byte> numbers = stackalloc byte[16];
        // One hasher and one buffer for the 40,000 records of a 10,000-brief site (made anew for each, they were most of
        // the cost of a key every cached build computes twice); the bytes hashed are the same.
        var hash = new XxHash3();
        var buffer = new byte[256];
        foreach (var (file, record) in manifest.Files)
        {
            hash.Reset();
            hash.Append(Utf8(file, ref buffer));
            hash.Append([0]);
            hash.Append(Utf8(record.Key, ref buffer));
            BinaryPrimitives.WriteInt64LittleEndian(numbers, record.Length);
            BinaryPrimitives.WriteInt64LittleEndian(numbers[8..], record.WriteTicks);
            hash.Append(numbers);
            sum += hash.GetCurrentHashAsUInt64();
        }
        return sum ^ ContentHashOf(manifest.Context);
    }

    /// <summary><paramref name="text"/> in UTF-8, in <paramref name="buffer"/> (grown when it is too small).</summary>
    private static ReadOnlySpan<byte> Utf8(string text, ref byte[] buffer)
    {
        var most = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (most > buffer.Length) buffer = new byte[most];
        return buffer.AsSpan(0, Encoding.UTF8.GetBytes(text, buffer));
    }

    private static ulong ContentHashOf(string text) => XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(text));

    public void Write(BinaryWriter w)
    {
        w.Write(Context);
        w.Write(OptionsKey);
        w.Write(ThemeKey);
        w.Write(SettingsKey);
        WriteStrings(w, StaticFiles);
        w.Write(HostFilesKey);
        w.Write(ManifestKey);
        w.Write(Documents.Length);
        foreach (var (path, hash) in Documents)
        {
            w.Write(path);
            w.Write(hash);
        }
        w.Write(EntityTexts.Length);
        foreach (var (path, text) in EntityTexts)
        {
            w.Write(path);
            w.Write(text);
        }
        w.Write(Briefs.Length);
        foreach (var brief in Briefs)
        {
            w.Write(brief.Source);
            w.Write((ulong)(brief.TextKey >> 64));
            w.Write((ulong)brief.TextKey);
            w.Write(brief.WordCount);
        }
        WriteStrings(w, Assets.Styles);
        WriteStrings(w, Assets.Scripts);
        WriteStrings(w, Assets.Others);
        WriteStrings(w, Assets.Files);
        w.Write(LayoutKeys.Count);
        foreach (var (layout, key) in LayoutKeys)
        {
            w.Write(layout);
            w.Write(key);
        }
        CacheCodec.WriteDiagnostics(w, Diagnostics);
    }

    public static BuildSnapshot Read(BinaryReader r)
    {
        var context = r.ReadString();
        var options = r.ReadString();
        var theme = r.ReadString();
        var settings = r.ReadString();
        var statics = ReadStrings(r);
        var hostFiles = r.ReadString();
        var manifest = r.ReadUInt64();
        var documents = ImmutableArray.CreateBuilder<(string, string)>(Count(r));
        for (var i = documents.Capacity; i > 0; i--) documents.Add((r.ReadString(), r.ReadString()));
        var entities = ImmutableArray.CreateBuilder<(string, string)>(Count(r));
        for (var i = entities.Capacity; i > 0; i--) entities.Add((r.ReadString(), r.ReadString()));
        var briefs = ImmutableArray.CreateBuilder<SnapshotBrief>(Count(r));
        for (var i = briefs.Capacity; i > 0; i--)
        {
            var source = r.ReadString();
            var upper = r.ReadUInt64();
            briefs.Add(new SnapshotBrief(source, new UInt128(upper, r.ReadUInt64()), r.ReadInt32()));
        }
        var assets = new PublishedAssets(ReadStrings(r), ReadStrings(r)) { Others = ReadStrings(r), Files = ReadStrings(r) };
        var layouts = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        for (var i = Count(r); i > 0; i--) layouts[r.ReadString()] = r.ReadString();
        return new BuildSnapshot
        {
            Context = context, OptionsKey = options, ThemeKey = theme, SettingsKey = settings, StaticFiles = statics,
            HostFilesKey = hostFiles, ManifestKey = manifest, Documents = documents.MoveToImmutable(), EntityTexts = entities.MoveToImmutable(),
            Briefs = briefs.MoveToImmutable(), Assets = assets, LayoutKeys = layouts.ToImmutable(), Diagnostics = CacheCodec.ReadDiagnostics(r),
        };
    }

    private static void WriteStrings(BinaryWriter w, IReadOnlyList<string> values)
    {
        w.Write(values.Count);
        foreach (var value in values) w.Write(value);
    }

    private static ImmutableArray<string> ReadStrings(BinaryReader r)
    {
        var values = ImmutableArray.CreateBuilder<string>(Count(r));
        for (var i = values.Capacity; i > 0; i--) values.Add(r.ReadString());
        return values.MoveToImmutable();
    }

    private static int Count(BinaryReader r)
    {
        var count = r.ReadInt32();
        // Every entry takes at least a byte: a larger count is a damaged file, not a reason to allocate.
        if (count < 0 || count > r.BaseStream.Length - r.BaseStream.Position) throw new InvalidDataException("bad count");
        return count;
    }
}
