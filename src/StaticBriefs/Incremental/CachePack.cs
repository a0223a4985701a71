using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Microsoft.Win32.SafeHandles;
using StaticBriefs.Model;

namespace StaticBriefs.Incremental;

/// <summary>Where one entry is in a pack: the offset of its record and the record's length.</summary>
internal readonly record struct PackSpan(long Offset, int Length);

/// <summary>
/// One entry to store: its kind ('d' document, 'm' rendered body), its key, the object that identifies it in memory
/// (an entry read from the pack and still in use is the very same object, so it is not written again) and how to
/// encode it. <see cref="Span"/> is where it ended up, or null when it could not be encoded.
/// </summary>
internal sealed class PackItem(char kind, string key, object identity, Action<BinaryWriter> encode)
{
    public char Kind => kind;

    public string Key => key;

    public object Identity => identity;

    public Action<BinaryWriter> Encode => encode;

    public PackSpan? Span { get; set; }
}

/// <summary>
/// An append-only file of cache entries. Each record is <c>[payload length][checksum][kind, key, entry]</c>; the index
/// (<see cref="CacheStore"/>) says where each live one is. A save appends the entries that are new since the pack was
/// read and leaves the others where they are; when less than half of the file is still in use it is rewritten under a
/// new name instead (so the index it replaces still points at a complete file until the rename).
/// </summary>
internal sealed class CachePack : IDisposable
{
    private const int HeaderLength = sizeof(int) + sizeof(ulong);
    private const int BatchSize = 512;
    private readonly SafeFileHandle _handle;
    // A plain dictionary under a lock: its users are one thread at a time but for bodies read late, and tens of
    // thousands of entries go in at each load and save (a concurrent one made a node for each).
    private readonly Dictionary<object, PackSpan> _spans = new(ReferenceEqualityComparer.Instance);

    private CachePack(string path, SafeFileHandle handle, long length)
    {
        Path = path;
        _handle = handle;
        Length = length;
    }

    public string Path { get; }

    /// <summary>Bytes of the file known to this process (entries beyond it are not read).</summary>
    public long Length { get; private set; }

    public static CachePack Open(string path)
    {
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new CachePack(path, handle, RandomAccess.GetLength(handle));
    }

    /// <summary>Reads and decodes one entry; null when the record is damaged or is not the entry the index says.</summary>
    public T? Read<T>(PackSpan span, char kind, string key, Func<BinaryReader, T> decode) where T : class
    {
        if (!Within(span)) return null;
        var buffer = ArrayPool<byte>.Shared.Rent(span.Length);
        try
        {
            return ReadExactly(span, buffer) ? Decode(buffer, 0, span.Length, kind, key, decode) : null;
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // ObjectDisposedException: a body read late, from a pack a save has since replaced.
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Records read together when they lie within this many bytes of the first.</summary>
    internal const int WindowBytes = 1 << 20;

    /// <summary>A gap between two records wider than this starts a new read (its bytes would be read for nothing).</summary>
    internal const int LargestGap = 16 << 10;

    /// <summary>
    /// Reads the records at <paramref name="spans"/> as <see cref="Read{T}"/> reads each, on every core, a window of
    /// neighbouring records at a time: loading the cache reads 20,000 records at 10,000 briefs, and one read each was
    /// 20,000 system calls. <paramref name="decode"/> gets each span's place in <paramref name="spans"/>; a record
    /// that is damaged, not the entry it should be, or unreadable gives null.
    /// </summary>
    public T?[] ReadAll<T>(IReadOnlyList<PackSpan> spans, Func<int, char> kind, Func<int, string> key, Func<int, BinaryReader, T> decode)
        where T : class
    {
        var results = new T?[spans.Count];
        var order = Enumerable.Range(0, spans.Count).Where(i => Within(spans[i])).ToArray();
        Array.Sort(order, (a, b) => spans[a].Offset.CompareTo(spans[b].Offset));
        var windows = new List<(int From, int To)>();
        for (var first = 0; first < order.Length;)
        {
            var start = spans[order[first]].Offset;
            var end = start + spans[order[first]].Length;
            var next = first + 1;
            while (next < order.Length && spans[order[next]] is var span && span.Offset >= end && span.Offset - end <= LargestGap
                && span.Offset + span.Length - start <= WindowBytes)
            {
                end = span.Offset + span.Length;
                next++;
            }
            windows.Add((first, next));
            first = next;
        }
        Parallel.ForEach(windows, window =>
        {
            var start = spans[order[window.From]].Offset;
            var last = spans[order[window.To - 1]];
            var whole = new PackSpan(start, (int)(last.Offset + last.Length - start));
            var buffer = ArrayPool<byte>.Shared.Rent(whole.Length);
            try
            {
                if (!ReadExactly(whole, buffer)) return;
                for (var i = window.From; i < window.To; i++)
                {
                    var at = order[i];
                    results[at] = Decode(buffer, (int)(spans[at].Offset - start), spans[at].Length, kind(at), key(at), r => decode(at, r));
                }
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException)
            {
                // Unreadable: those records are simply not cached.
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        });
        return results;
    }

    private bool Within(PackSpan span) => span.Offset >= 0 && span.Length > HeaderLength && span.Offset <= Length - span.Length;

    /// <summary>Checks and decodes the record of <paramref name="length"/> bytes at <paramref name="start"/> of <paramref name="buffer"/>.</summary>
    private static T? Decode<T>(byte[] buffer, int start, int length, char kind, string key, Func<BinaryReader, T> decode) where T : class
    {
        try
        {
            var payload = buffer.AsSpan(start + HeaderLength, length - HeaderLength);
            if (BinaryPrimitives.ReadInt32LittleEndian(buffer.AsSpan(start)) != payload.Length
                || BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(start + sizeof(int))) != CacheStore.Checksum(payload))
                return null;
            using var reader = BufferReader.Over(buffer, start + HeaderLength, payload.Length);
            if (reader.ReadChar() != kind || reader.ReadString() != key) return null;
            var value = decode(reader);
            return reader.BaseStream.Position == payload.Length ? value : null;
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or ArgumentException
            or DecoderFallbackException or FormatException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>
    /// For <see cref="CacheCodec.ReadDocument"/> over the record at <paramref name="span"/>: a body left in the pack,
    /// read when first asked for and checked then against the hash its record gives.
    /// </summary>
    public Func<BinaryReader, string, BodyText> LeftBody(PackSpan span) => (reader, hash) =>
    {
        var (at, length) = ((BufferReader)reader).SkipString();
        Volatile.Write(ref _lent, true);
        var offset = span.Offset + HeaderLength + at;
        return new BodyText(() => ReadText(offset, length, hash), hash);
    };

    /// <summary>
    /// True once a body was left here to read later: the file then stays open for as long as something holds this pack
    /// (a later save that compacts the cache into a new pack does not close it).
    /// </summary>
    public bool LendsBodies => Volatile.Read(ref _lent);

    private bool _lent;

    private string ReadText(long offset, int length, string hash)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            if (ReadExactly(new PackSpan(offset, length), buffer) && BufferReader.Strict.GetString(buffer, 0, length) is var text
                && BodyText.HashOf(text) == hash)
                return text;
        }
        catch (Exception ex) when (ex is IOException or DecoderFallbackException or ObjectDisposedException)
        {
            // Reported below, as a pack that changed.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        throw new IOException($"the build cache file {Path} changed while this build was reading it (another build at the same time?). "
            + "Build again; --no-cache builds without the cache.");
    }

    /// <summary>Notes that <paramref name="identity"/> (an entry just read) is stored at <paramref name="span"/>.</summary>
    public void Remember(object identity, PackSpan span)
    {
        lock (_spans) _spans[identity] = span;
    }

    /// <summary>Where the entry <paramref name="identity"/> is stored, or null when it is not in this pack.</summary>
    public PackSpan? SpanOf(object identity)
    {
        lock (_spans) return _spans.TryGetValue(identity, out var span) ? span : null;
    }

    /// <summary>
    /// Stores <paramref name="items"/>: entries already in <paramref name="previous"/> stay where they are and the
    /// others are appended, unless less than half of the old file is still in use; then every entry goes to a new pack
    /// named <paramref name="newName"/>. Returns the pack now holding them (each item's <see cref="PackItem.Span"/> set).
    /// </summary>
    public static CachePack Write(string directory, CachePack? previous, PackItem[] items, string newName)
    {
        var live = 0L;
        var fresh = new List<PackItem>();
        foreach (var item in items)
        {
            if (previous?.SpanOf(item.Identity) is { } span)
            {
                item.Span = span;
                live += span.Length;
            }
            else
            {
                fresh.Add(item);
            }
        }
        if (previous is not null && File.Exists(previous.Path) && live * 2 >= previous.Length)
        {
            using (var stream = new FileStream(previous.Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 1 << 16))
            {
                // Whatever another process or a killed build left at the end stays there unnamed, as garbage.
                stream.Seek(0, SeekOrigin.End);
                Append(stream, fresh);
                previous.Length = stream.Position;
            }
            previous.Keep(items);
            return previous;
        }

        var path = System.IO.Path.Combine(directory, newName);
        var kept = items.Where(i => i.Span is not null).ToArray();
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        {
            foreach (var item in kept)
            {
                var span = item.Span!.Value;
                var buffer = ArrayPool<byte>.Shared.Rent(span.Length);
                try
                {
                    if (previous!.ReadExactly(span, buffer))
                    {
                        item.Span = new PackSpan(stream.Position, span.Length);
                        stream.Write(buffer, 0, span.Length);
                    }
                    else
                    {
                        item.Span = null;
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
            Append(stream, [.. kept.Where(i => i.Span is null), .. fresh]);
        }
        var pack = Open(path);
        pack.Keep(items);
        return pack;
    }

    /// <summary>Encodes entries on every core, a batch at a time (the whole site at once would double the memory), and writes them in order.</summary>
    private static void Append(FileStream stream, IReadOnlyList<PackItem> items)
    {
        for (var start = 0; start < items.Count; start += BatchSize)
        {
            var count = Math.Min(BatchSize, items.Count - start);
            var records = new byte[]?[count];
            Parallel.For(0, count, i => records[i] = Record(items[start + i]));
            for (var i = 0; i < count; i++)
            {
                if (records[i] is not { } record)
                {
                    items[start + i].Span = null;
                    continue;
                }
                items[start + i].Span = new PackSpan(stream.Position, record.Length);
                stream.Write(record);
            }
        }
    }

    /// <summary>One entry's record, or null when it cannot be encoded (it is then simply not cached).</summary>
    private static byte[]? Record(PackItem item)
    {
        using var memory = new MemoryStream();
        memory.Write(new byte[HeaderLength]);
        using (var writer = new BinaryWriter(memory, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(item.Kind);
            writer.Write(item.Key);
            try
            {
                item.Encode(writer);
            }
            catch (CacheCodec.UnsupportedValueException)
            {
                return null;
            }
        }
        var record = memory.ToArray();
        var payload = record.AsSpan(HeaderLength);
        BinaryPrimitives.WriteInt32LittleEndian(record, payload.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(sizeof(int)), CacheStore.Checksum(payload));
        return record;
    }

    /// <summary>Forgets entries no longer in use and remembers where every stored one now is.</summary>
    private void Keep(PackItem[] items)
    {
        lock (_spans)
        {
            _spans.Clear();
            _spans.EnsureCapacity(items.Length);
            foreach (var item in items)
            {
                if (item.Span is { } span) _spans[item.Identity] = span;
            }
        }
    }

    private bool ReadExactly(PackSpan span, byte[] buffer)
    {
        var done = 0;
        while (done < span.Length)
        {
            var read = RandomAccess.Read(_handle, buffer.AsSpan(done, span.Length - done), span.Offset + done);
            if (read <= 0) return false;
            done += read;
        }
        return true;
    }

    public void Dispose() => _handle.Dispose();
}

/// <summary>
/// A reader over bytes in memory whose strings are decoded straight from the buffer: <see cref="BinaryReader"/>'s own
/// <c>ReadString</c> goes through a <see cref="StringBuilder"/> for every string over 128 bytes, which was most of the
/// time spent reading a cache of rendered bodies.
/// </summary>
internal sealed class BufferReader(MemoryStream stream) : BinaryReader(stream, Encoding.UTF8)
{
    internal static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>.</summary>
    public static BufferReader Over(byte[] buffer, int offset, int count) =>
        new(new MemoryStream(buffer, offset, count, writable: false, publiclyVisible: true));

    public override string ReadString()
    {
        var length = Read7BitEncodedInt();
        if (length < 0 || length > stream.Length - stream.Position) throw new EndOfStreamException();
        if (length == 0) return "";
        var segment = stream.GetBuffer();
        var start = (int)stream.Position + Origin;
        var text = Strict.GetString(segment, start, length);
        stream.Position += length;
        return text;
    }

    /// <summary>
    /// Steps over a string without decoding it: where its bytes start (from the stream's start) and how many there are.
    /// </summary>
    public (int At, int Length) SkipString()
    {
        var length = Read7BitEncodedInt();
        if (length < 0 || length > stream.Length - stream.Position) throw new EndOfStreamException();
        var at = (int)stream.Position;
        stream.Position += length;
        return (at, length);
    }

    /// <summary>The bytes of the next string, in the buffer, without decoding them.</summary>
    public ReadOnlySpan<byte> ReadStringBytes()
    {
        var (at, length) = SkipString();
        return stream.GetBuffer().AsSpan(Origin + at, length);
    }

    /// <summary>Where the stream's first byte is in its buffer (a stream over part of an array starts at its offset).</summary>
    private int Origin => stream.TryGetBuffer(out var segment) ? segment.Offset : 0;
}
