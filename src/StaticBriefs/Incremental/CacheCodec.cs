using System.Collections.Immutable;
using System.Runtime.InteropServices;
using StaticBriefs.Diagnostics;
using StaticBriefs.Model;
using StaticBriefs.Model.Relations;
using StaticBriefs.Rendering.Markdown;

namespace StaticBriefs.Incremental;

/// <summary>
/// The binary form of the cache's entries: documents, rendered bodies and diagnostics, written field by field with
/// <see cref="BinaryWriter"/> (strings length-prefixed UTF-8, a flag before every nullable value). Every field of a
/// record is written, in declaration order; <c>CacheCodecTests</c> fills every public property by reflection and
/// checks it comes back, so a field added to a record later cannot be dropped silently.
/// </summary>
internal static class CacheCodec
{
    /// <summary>Thrown when a value cannot be encoded (an unexpected front matter value): the entry is not cached.</summary>
    internal sealed class UnsupportedValueException(string message) : Exception(message);

    public static void WriteDocument(BinaryWriter w, SourceDocument d)
    {
        w.Write(d.RelativePath);
        w.Write((int)d.Kind);
        w.Write(d.Title);
        WriteDate(w, d.Date);
        WriteDate(w, d.Updated);
        WriteNullable(w, d.Summary);
        w.Write(d.SummaryDerived);
        WriteNullable(w, d.Author);
        WriteArray(w, d.Authors, (w, a) =>
        {
            w.Write(a.Name);
            WriteNullable(w, a.Url);
        });
        w.Write(d.Image is not null);
        if (d.Image is not null)
        {
            WriteLocated(w, d.Image.Source);
            w.Write(d.Image.Alt);
        }
        WriteLocatedOrNull(w, d.Layout);
        WriteArray(w, d.UnusedLists, WriteLocated);
        WriteNullable(w, d.Slug);
        w.Write(d.SlugLine);
        w.Write(d.SlugColumn);
        WriteLocatedOrNull(w, d.Urls.Permalink);
        WriteLocatedOrNull(w, d.Urls.Url);
        WriteLocatedOrNull(w, d.Urls.Path);
        WriteLocatedOrNull(w, d.Urls.Slug);
        WriteArray(w, d.Urls.Aliases, WriteLocated);
        WriteArray(w, d.Urls.RedirectFrom, WriteLocated);
        w.Write(d.Draft);
        w.Write(d.Nav.HasValue);
        if (d.Nav is { } nav) w.Write(nav);
        WriteArray(w, d.Companies, WriteTag);
        WriteArray(w, d.People, WriteTag);
        WriteArray(w, d.Topics, WriteTag);
        WriteArray(w, d.Relations, WriteRelation);
        WriteArray(w, d.Sources, (w, s) => w.Write(s));
        WriteArray(w, d.SourceLines, (w, n) => w.Write(n));
        WriteArray(w, d.SourceColumns, (w, n) => w.Write(n));
        w.Write(d.Extra.Count);
        foreach (var (key, value) in d.Extra.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.Write(key);
            WritePlain(w, value, 0);
        }
        // The hash first: a reader leaving the body in the pack keeps it, to find what was rendered from the body unread.
        w.Write(d.BodySource.Hash);
        w.Write(d.Body);
        w.Write(d.BodyFirstLine);
    }

    /// <summary>
    /// Reads a document. <paramref name="body"/>, when given, takes the body's place in the record (given the body's
    /// hash) instead of reading its text: the pack's reader leaves it there, to be read when asked for.
    /// </summary>
    public static SourceDocument ReadDocument(BinaryReader r, Func<BinaryReader, string, BodyText>? body = null)
    {
        var path = r.ReadString();
        var kind = (DocumentKind)r.ReadInt32();
        var title = r.ReadString();
        var date = ReadDate(r);
        var updated = ReadDate(r);
        var summary = ReadNullable(r);
        var summaryDerived = r.ReadBoolean();
        var author = ReadNullable(r);
        var authors = ReadArray(r, r => new AuthorName(r.ReadString(), ReadNullable(r)));
        var image = r.ReadBoolean() ? new ImageReference(ReadLocated(r), r.ReadString()) : null;
        var layout = ReadLocatedOrNull(r);
        var unused = ReadArray(r, ReadLocated);
        var slug = ReadNullable(r);
        var slugLine = r.ReadInt32();
        var slugColumn = r.ReadInt32();
        var urls = new UrlFrontMatter
        {
            Permalink = ReadLocatedOrNull(r),
            Url = ReadLocatedOrNull(r),
            Path = ReadLocatedOrNull(r),
            Slug = ReadLocatedOrNull(r),
            Aliases = ReadArray(r, ReadLocated),
            RedirectFrom = ReadArray(r, ReadLocated),
        };
        var draft = r.ReadBoolean();
        int? nav = r.ReadBoolean() ? r.ReadInt32() : null;
        var companies = ReadArray(r, ReadTag);
        var people = ReadArray(r, ReadTag);
        var topics = ReadArray(r, ReadTag);
        var relations = ReadArray(r, ReadRelation);
        var sources = ReadArray(r, r => r.ReadString());
        var sourceLines = ReadArray(r, r => r.ReadInt32());
        var sourceColumns = ReadArray(r, r => r.ReadInt32());
        var extraCount = r.ReadInt32();
        var extra = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < extraCount; i++) extra[r.ReadString()] = ReadPlain(r, 0);
        var bodyHash = r.ReadString();
        var bodySource = body?.Invoke(r, bodyHash) ?? Checked(new BodyText(r.ReadString()), bodyHash);
        return new SourceDocument
        {
            RelativePath = path,
            Kind = kind,
            Title = title,
            Date = date,
            Updated = updated,
            Summary = summary,
            SummaryDerived = summaryDerived,
            Author = author,
            Authors = authors,
            Image = image,
            Layout = layout,
            UnusedLists = unused,
            Slug = slug,
            SlugLine = slugLine,
            SlugColumn = slugColumn,
            Urls = urls,
            Draft = draft,
            Nav = nav,
            Companies = companies,
            People = people,
            Topics = topics,
            Relations = relations,
            Sources = sources,
            SourceLines = sourceLines,
            SourceColumns = sourceColumns,
            Extra = extra.ToImmutable(),
            BodySource = bodySource,
            BodyFirstLine = r.ReadInt32(),
        };
    }

    /// <summary>A body read with its record, checked against the hash written before it.</summary>
    private static BodyText Checked(BodyText body, string hash) =>
        body.Hash == hash ? body : throw new InvalidDataException("a body that does not match its hash");

    public static void WriteRendered(BinaryWriter w, RenderedMarkdown m)
    {
        w.Write(m.Html);
        WriteArray(w, m.Toc, (w, t) =>
        {
            w.Write(t.Level);
            w.Write(t.Id);
            w.Write(t.Text);
        });
        w.Write(m.WordCount);
        w.Write(m.PlainText);
        w.Write(m.Headings);
        w.Write(m.Lead);
    }

    public static RenderedMarkdown ReadRendered(BinaryReader r) =>
        new(r.ReadString(), ReadArray(r, r => new TocEntry(r.ReadInt32(), r.ReadString(), r.ReadString())), r.ReadInt32(), r.ReadString())
        {
            Headings = r.ReadString(),
            Lead = r.ReadString(),
        };

    /// <summary>
    /// Reads a rendered body's record as <see cref="CacheStore.ReadBody"/> would, keeping only its link look-ups and whether
    /// its plain text holds one of <paramref name="words"/>. UTF-8 is self-synchronising, so a byte match is exactly an
    /// ordinal match of the decoded strings; the HTML and text, most of the record, are never decoded.
    /// </summary>
    public static LinkCheck ReadLinkCheck(BufferReader r, byte[][] words)
    {
        r.SkipString();
        for (var toc = ReadLength(r); toc > 0; toc--)
        {
            r.ReadInt32();
            r.SkipString();
            r.SkipString();
        }
        r.ReadInt32();
        var text = r.ReadStringBytes();
        var mentions = false;
        foreach (var word in words)
        {
            if (text.IndexOf(word) < 0) continue;
            mentions = true;
            break;
        }
        r.SkipString();
        r.SkipString();
        var lookups = ReadLookups(r);
        ReadDiagnostics(r);
        return new LinkCheck(lookups, mentions);
    }

    /// <summary>Writes a token set: its terms and words as numbers of its lexicon, which is saved on its own.</summary>
    public static void WriteTokens(BinaryWriter w, Search.TokenizedText t)
    {
        WriteNumbers(w, t.Terms);
        WriteArray(w, [.. t.Frequencies], (w, n) => w.Write(n));
        WriteNumbers(w, t.Words);
        WriteArray(w, [.. t.FieldLengths], (w, n) => w.Write(n));
        w.Write(t.Excerpt);
    }

    /// <summary>
    /// Reads what <see cref="WriteTokens"/> wrote, straight into the arrays the tokens keep: a cached build reads every
    /// brief's, and going through immutable arrays copied them all once more (a third of the cache stage).
    /// </summary>
    public static Search.TokenizedText ReadTokens(BinaryReader r, Search.Lexicon lexicon)
    {
        var count = lexicon.Count;
        var terms = ReadNumbers(r, count);
        var frequencies = new uint[ReadLength(r)];
        for (var i = 0; i < frequencies.Length; i++) frequencies[i] = r.ReadUInt32();
        var words = ReadNumbers(r, count);
        var lengths = new int[ReadLength(r)];
        for (var i = 0; i < lengths.Length; i++) lengths[i] = r.ReadInt32();
        return new(lexicon, terms, frequencies, words, lengths, r.ReadString());
    }

    private static void WriteNumbers(BinaryWriter w, int[] numbers)
    {
        w.Write(numbers.Length);
        foreach (var number in numbers) w.Write7BitEncodedInt(number);
    }

    /// <summary>Numbers below <paramref name="limit"/> (a lexicon's size): anything else is a damaged entry.</summary>
    private static int[] ReadNumbers(BinaryReader r, int limit)
    {
        var numbers = new int[ReadLength(r)];
        for (var i = 0; i < numbers.Length; i++)
        {
            var number = r.Read7BitEncodedInt();
            if ((uint)number >= (uint)limit) throw new InvalidDataException("a token number outside the lexicon");
            numbers[i] = number;
        }
        return numbers;
    }

    public static void WriteLookups(BinaryWriter w, ImmutableArray<LinkLookup> lookups) => WriteArray(w, lookups, (w, l) =>
    {
        w.Write(l.Set);
        w.Write(l.Key);
        WriteNullable(w, l.Answer);
    });

    public static ImmutableArray<LinkLookup> ReadLookups(BinaryReader r) =>
        ReadArray(r, r => new LinkLookup(r.ReadChar(), r.ReadString(), ReadNullable(r)));

    /// <summary><paramref name="lookups"/> as <see cref="WriteLookups"/> writes them, in an array of their own.</summary>
    public static byte[] LookupBytes(ImmutableArray<LinkLookup> lookups)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) WriteLookups(writer, lookups);
        return stream.ToArray();
    }

    /// <summary>What <see cref="LookupBytes"/> made; null when the bytes are not such (a damaged file).</summary>
    public static ImmutableArray<LinkLookup>? ReadLookupBytes(ReadOnlyMemory<byte> bytes)
    {
        if (!System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bytes, out var segment) || segment.Array is null) return null;
        try
        {
            using var reader = BufferReader.Over(segment.Array, segment.Offset, segment.Count);
            var lookups = ReadLookups(reader);
            return reader.BaseStream.Position == segment.Count ? lookups : null;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or System.Text.DecoderFallbackException or FormatException or OverflowException
            or ArgumentException or UnsupportedValueException)
        {
            return null;
        }
    }

    public static void WriteDiagnostics(BinaryWriter w, ImmutableArray<Diagnostic> diagnostics) => WriteArray(w, diagnostics, (w, d) =>
    {
        w.Write((int)d.Severity);
        w.Write(d.File);
        w.Write(d.Line);
        w.Write(d.Column);
        w.Write(d.Code);
        w.Write(d.Message);
    });

    public static ImmutableArray<Diagnostic> ReadDiagnostics(BinaryReader r) =>
        ReadArray(r, r => new Diagnostic((Severity)r.ReadInt32(), r.ReadString(), r.ReadInt32(), r.ReadInt32(), r.ReadString(), r.ReadString()));

    public static void WriteNullable(BinaryWriter w, string? text)
    {
        w.Write(text is not null);
        if (text is not null) w.Write(text);
    }

    public static string? ReadNullable(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static void WriteDate(BinaryWriter w, DateTimeOffset? date)
    {
        w.Write(date.HasValue);
        if (date is not { } value) return;
        w.Write(value.Ticks);
        w.Write((short)value.TotalOffsetMinutes);
    }

    private static DateTimeOffset? ReadDate(BinaryReader r)
    {
        if (!r.ReadBoolean()) return null;
        var ticks = r.ReadInt64();
        return new DateTimeOffset(ticks, TimeSpan.FromMinutes(r.ReadInt16()));
    }

    private static void WriteLocated(BinaryWriter w, LocatedText text)
    {
        w.Write(text.Text);
        w.Write(text.Line);
        w.Write(text.Column);
    }

    private static LocatedText ReadLocated(BinaryReader r) => new(r.ReadString(), r.ReadInt32(), r.ReadInt32());

    private static void WriteLocatedOrNull(BinaryWriter w, LocatedText? text)
    {
        w.Write(text is not null);
        if (text is not null) WriteLocated(w, text);
    }

    private static LocatedText? ReadLocatedOrNull(BinaryReader r) => r.ReadBoolean() ? ReadLocated(r) : null;

    private static void WriteTag(BinaryWriter w, TagMention tag)
    {
        w.Write(tag.Name);
        w.Write(tag.Line);
        w.Write(tag.Column);
    }

    private static TagMention ReadTag(BinaryReader r) => new(r.ReadString(), r.ReadInt32(), r.ReadInt32());

    private static void WriteRelation(BinaryWriter w, RelationMention m)
    {
        w.Write(m.Subject);
        w.Write((int)m.Verb);
        w.Write(m.Object);
        WriteNullable(w, m.Role);
        WriteDate(w, m.Date);
        foreach (var at in (ReadOnlySpan<SourcePosition>)[m.At, m.SubjectAt, m.ObjectAt])
        {
            w.Write(at.Line);
            w.Write(at.Column);
        }
    }

    private static RelationMention ReadRelation(BinaryReader r) => new()
    {
        Subject = r.ReadString(),
        Verb = (RelationVerb)r.ReadInt32(),
        Object = r.ReadString(),
        Role = ReadNullable(r),
        Date = ReadDate(r),
        At = new SourcePosition(r.ReadInt32(), r.ReadInt32()),
        SubjectAt = new SourcePosition(r.ReadInt32(), r.ReadInt32()),
        ObjectAt = new SourcePosition(r.ReadInt32(), r.ReadInt32()),
    };

    private static void WriteArray<T>(BinaryWriter w, ImmutableArray<T> items, Action<BinaryWriter, T> write)
    {
        var list = items.IsDefault ? [] : items;
        w.Write(list.Length);
        foreach (var item in list) write(w, item);
    }

    /// <summary>An array's length as <see cref="WriteArray"/> wrote it; a damaged one throws rather than allocates.</summary>
    private static int ReadLength(BinaryReader r)
    {
        var count = r.ReadInt32();
        if (count < 0 || count > r.BaseStream.Length) throw new InvalidDataException("bad count");
        return count;
    }

    private static ImmutableArray<T> ReadArray<T>(BinaryReader r, Func<BinaryReader, T> read)
    {
        var count = ReadLength(r);
        if (count == 0) return [];
        var items = new T[count];
        for (var i = 0; i < count; i++) items[i] = read(r);
        return ImmutableCollectionsMarshal.AsImmutableArray(items);
    }

    /// <summary>Front matter extras: the plain values the YAML loader makes (text, booleans, null, lists, maps).</summary>
    private static void WritePlain(BinaryWriter w, object? value, int depth)
    {
        if (depth > 64) throw new UnsupportedValueException("front matter nested too deep to cache");
        switch (value)
        {
            case null:
                w.Write((byte)0);
                break;
            case string text:
                w.Write((byte)1);
                w.Write(text);
                break;
            case bool flag:
                w.Write(flag ? (byte)2 : (byte)3);
                break;
            case List<object?> list:
                w.Write((byte)4);
                w.Write(list.Count);
                foreach (var item in list) WritePlain(w, item, depth + 1);
                break;
            case Dictionary<string, object?> map:
                w.Write((byte)5);
                w.Write(map.Count);
                // Insertion order is kept: it is the order the author wrote the keys in, which a template can show.
                foreach (var (key, item) in map)
                {
                    w.Write(key);
                    WritePlain(w, item, depth + 1);
                }
                break;
            default:
                throw new UnsupportedValueException("front matter value of type " + value.GetType().Name + " cannot be cached");
        }
    }

    private static object? ReadPlain(BinaryReader r, int depth)
    {
        if (depth > 64) throw new InvalidDataException("nested too deep");
        switch (r.ReadByte())
        {
            case 0: return null;
            case 1: return r.ReadString();
            case 2: return true;
            case 3: return false;
            case 4:
                var count = r.ReadInt32();
                if (count < 0 || count > r.BaseStream.Length) throw new InvalidDataException("bad count");
                var list = new List<object?>(count);
                for (var i = 0; i < count; i++) list.Add(ReadPlain(r, depth + 1));
                return list;
            case 5:
                var entries = r.ReadInt32();
                if (entries < 0 || entries > r.BaseStream.Length) throw new InvalidDataException("bad count");
                var map = new Dictionary<string, object?>(entries, StringComparer.Ordinal);
                for (var i = 0; i < entries; i++)
                {
                    var key = r.ReadString();
                    map[key] = ReadPlain(r, depth + 1);
                }
                return map;
            default:
                throw new InvalidDataException("unknown value tag");
        }
    }
}
