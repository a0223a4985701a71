using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Rendering.Feeds;

/// <summary>Writes JSON Feed 1.1 (https://jsonfeed.org/version/1.1).</summary>
public static class JsonFeedWriter
{
    /// <summary>
    /// The relaxed encoder escapes only what JSON requires (quotes, backslashes, control characters): a feed is read
    /// as JSON, never pasted into HTML, so escaping every apostrophe and '&lt;' (the default) only made it unreadable.
    /// These are the options JsonSerializer wrote with when feeds were dictionaries it serialized (two spaces, the
    /// platform's new line): the files come out byte for byte as they did.
    /// </summary>
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>An item's depth in a feed (in <c>items</c>, in the root object), in spaces.</summary>
    private const int ItemIndent = 4;

    /// <summary>Appends the feed to <paramref name="output"/> as UTF-8 JSON.</summary>
    public static void Write(FeedSpec feed, Stream output) => Write(feed, output, null, new FeedEncoders());

    /// <summary>
    /// Appends the feed, copying item <c>i</c> from <paramref name="encoded"/>[i] (made by <see cref="Encode"/>) where
    /// that is not null, rather than escaping the same content again in each feed that shows the brief; the entry itself
    /// is not read then.
    /// </summary>
    internal static void Write(FeedSpec feed, Stream output, IReadOnlyList<byte[]?>? encoded, FeedEncoders encoders)
    {
        // A worker's writer and buffer, grown to its largest feed once: a writer of its own over the stream grew its
        // buffer by doubling to each feed's size (200 KiB), half a MiB allocated a feed.
        var feedEncoder = encoders.JsonFeed;
        feedEncoder.Buffer.ResetWrittenCount();
        var json = feedEncoder.Writer;
        json.Reset(feedEncoder.Buffer);
        json.WriteStartObject();
        json.WriteString("version", "https://jsonfeed.org/version/1.1");
        json.WriteString("title", feed.Title);
        json.WriteString("home_page_url", feed.HomeUrl);
        json.WriteString("feed_url", feed.JsonUrl);
        json.WriteString("description", feed.Description);
        json.WriteString("language", feed.Language);
        Authors(json, feed.Author);
        json.WriteStartArray("items");
        for (var i = 0; i < feed.Entries.Count; i++)
        {
            // A raw value gets the list separator but no new line or indentation: the encoded item carries its own.
            if (encoded?[i] is { } item) json.WriteRawValue(item, skipInputValidation: true);
            else Item(json, feed.Entries[i]);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.Write(feedEncoder.Buffer.WrittenSpan);
    }

    /// <summary>
    /// The item's bytes as they stand in a feed's <c>items</c> array: a new line, its indentation and the object, indented
    /// as its depth there wants. The item is written at depth 0 and a line's indentation added after each new line:
    /// JSON strings never hold a raw new line, so every one is the writer's.
    /// </summary>
    internal static byte[] Encode(FeedEntry entry, FeedEncoders encoders)
    {
        var encoder = encoders.JsonItem;
        encoder.Buffer.ResetWrittenCount();
        encoder.Writer.Reset(encoder.Buffer);
        Item(encoder.Writer, entry);
        encoder.Writer.Flush();
        var item = encoder.Buffer.WrittenSpan;
        var newLine = Environment.NewLine;
        var bytes = new byte[newLine.Length + ItemIndent + item.Length + item.Count((byte)'\n') * ItemIndent];
        var rest = bytes.AsSpan(System.Text.Encoding.ASCII.GetBytes(newLine, bytes));
        rest[..ItemIndent].Fill((byte)' ');
        rest = rest[ItemIndent..];
        for (var end = item.IndexOf((byte)'\n'); end >= 0; end = item.IndexOf((byte)'\n'))
        {
            item[..(end + 1)].CopyTo(rest);
            rest[(end + 1)..(end + 1 + ItemIndent)].Fill((byte)' ');
            rest = rest[(end + 1 + ItemIndent)..];
            item = item[(end + 1)..];
        }
        item.CopyTo(rest);
        return bytes;
    }

    private static void Item(Utf8JsonWriter json, FeedEntry entry)
    {
        json.WriteStartObject();
        json.WriteString("id", entry.Permalink);
        json.WriteString("url", entry.Permalink);
        json.WriteString("title", entry.Title);
        if (entry.ContentHtml is not null) json.WriteString("content_html", entry.ContentHtml);
        else json.WriteString("content_text", entry.Summary.Length > 0 ? entry.Summary : entry.Title);
        if (entry.Summary.Length > 0) json.WriteString("summary", entry.Summary);
        json.WriteString("date_published", Dates.Rfc3339(entry.Published));
        json.WriteString("date_modified", Dates.Rfc3339(entry.Updated));
        if (entry.Author.Length > 0) Authors(json, entry.Author);
        if (entry.Categories.Count > 0)
        {
            json.WriteStartArray("tags");
            foreach (var category in entry.Categories) json.WriteStringValue(category.Label);
            json.WriteEndArray();
        }
        if (entry.Categories.Count > 0 || entry.Relations.Count > 0)
        {
            // JSON Feed's tags are plain strings; the extension says which are companies, people and topics, and
            // (in an entity's feed) the relations involving that entity, shaped as in /relations.json.
            json.WriteStartObject("_staticbriefs");
            json.WriteString("about", "https://github.com/staticbriefs/staticbriefs#output");
            json.WriteStartArray("entities");
            foreach (var category in entry.Categories)
            {
                json.WriteStartObject();
                json.WriteString("kind", category.Kind);
                json.WriteString("name", category.Label);
                json.WriteString("url", category.Scheme + category.Term + "/");
                json.WriteEndObject();
            }
            json.WriteEndArray();
            if (entry.Relations.Count > 0)
            {
                json.WriteStartArray("relations");
                foreach (var relation in entry.Relations) Relation(json, relation);
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void Authors(Utf8JsonWriter json, string name)
    {
        json.WriteStartArray("authors");
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void Relation(Utf8JsonWriter json, FeedRelation relation)
    {
        json.WriteStartObject();
        End(json, "subject", relation.Subject);
        json.WriteString("verb", relation.Verb);
        End(json, "object", relation.Object);
        json.WriteString("role", relation.Role);
        json.WriteString("date", Dates.Iso(relation.Date));
        json.WriteEndObject();
    }

    private static void End(Utf8JsonWriter json, string property, FeedRelationEnd end)
    {
        json.WriteStartObject(property);
        json.WriteString("kind", end.Kind);
        json.WriteString("name", end.Name);
        json.WriteString("url", end.Url);
        json.WriteEndObject();
    }

    /// <summary>A worker's writer and buffer, kept rather than made (and grown) for each feed or item.</summary>
    internal sealed class ItemEncoder
    {
        public ArrayBufferWriter<byte> Buffer { get; } = new(16 * 1024);

        public Utf8JsonWriter Writer { get; }

        public ItemEncoder() => Writer = new Utf8JsonWriter(Buffer, Options);
    }
}
