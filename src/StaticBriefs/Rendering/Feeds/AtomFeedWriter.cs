using System.Text;
using System.Xml;
using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Rendering.Feeds;

/// <summary>Writes Atom 1.0 (RFC 4287) with every element the spec requires.</summary>
public static class AtomFeedWriter
{
    private const string Ns = "http://www.w3.org/2005/Atom";

    /// <summary>The scheme of relation categories: the documented verbs (README, Relations).</summary>
    internal const string RelationScheme = "https://github.com/staticbriefs/staticbriefs#relations";

    private static XmlWriterSettings Settings() =>
        new() { Indent = true, NewLineChars = "\n", OmitXmlDeclaration = false, Encoding = new UTF8Encoding(false), CloseOutput = false };

    /// <summary>Appends the feed to <paramref name="output"/> as UTF-8 XML (no byte order mark).</summary>
    public static void Write(FeedSpec feed, Stream output) => Write(feed, output, null);

    /// <summary>
    /// Appends the feed, copying entry <c>i</c> from <paramref name="encoded"/>[i] (made by <see cref="Encode"/>) where
    /// that is not null, rather than escaping the same content again in each feed that shows the brief. Such an entry is
    /// read for its date only (the feed's <c>updated</c>): it may have let go of its content.
    /// </summary>
    internal static void Write(FeedSpec feed, Stream output, IReadOnlyList<byte[]?>? encoded)
    {
        using (var xml = XmlWriter.Create(output, Settings()))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Ns);
            xml.WriteAttributeString("xml", "lang", null, feed.Language);
            xml.WriteElementString("id", Ns, feed.AtomUrl);
            xml.WriteElementString("title", Ns, feed.Title);
            if (feed.Description.Length > 0) xml.WriteElementString("subtitle", Ns, feed.Description);
            var updated = feed.Entries.Count > 0 ? feed.Entries.Max(e => e.Updated) : DateTimeOffset.UnixEpoch;
            xml.WriteElementString("updated", Ns, Dates.Rfc3339(updated));
            Link(xml, "self", feed.AtomUrl, "application/atom+xml");
            Link(xml, "alternate", feed.HomeUrl, "text/html");
            xml.WriteStartElement("author", Ns);
            xml.WriteElementString("name", Ns, feed.Author);
            xml.WriteEndElement();
            xml.WriteElementString("generator", Ns, "StaticBriefs");
            for (var i = 0; i < feed.Entries.Count; i++)
            {
                if (encoded?[i] is { } entry)
                {
                    // The writer's buffer goes out first. It then carries on as after an element of its own at this
                    // depth: the next entry, or </feed>, starts on a new line, indented as it is.
                    xml.Flush();
                    output.Write(entry);
                }
                else Entry(xml, feed.Entries[i]);
            }
            xml.WriteEndElement();
        }
    }

    /// <summary>
    /// The entry's bytes as they stand in a feed: a new line, its indentation and the <c>entry</c> element, written by
    /// a writer that stands inside <c>feed</c> after a child element, as in every feed, between two flushes.
    /// </summary>
    internal static byte[] Encode(FeedEntry entry, FeedEncoders encoders)
    {
        var encoder = encoders.Atom;
        try
        {
            encoder.Bytes.SetLength(0);
            Entry(encoder.Xml, entry);
            encoder.Xml.Flush();
            return encoder.Bytes.ToArray();
        }
        catch
        {
            // A writer that threw (a character XML cannot hold) refuses all else: the next entry gets a new one.
            encoders.DropAtom();
            throw;
        }
    }

    private static void Entry(XmlWriter xml, FeedEntry entry)
    {
        xml.WriteStartElement("entry", Ns);
        xml.WriteElementString("id", Ns, entry.Permalink);
        xml.WriteElementString("title", Ns, entry.Title);
        Link(xml, "alternate", entry.Permalink, "text/html");
        xml.WriteElementString("published", Ns, Dates.Rfc3339(entry.Published));
        xml.WriteElementString("updated", Ns, Dates.Rfc3339(entry.Updated));
        if (entry.Author.Length > 0)
        {
            xml.WriteStartElement("author", Ns);
            xml.WriteElementString("name", Ns, entry.Author);
            xml.WriteEndElement();
        }
        foreach (var category in entry.Categories)
        {
            xml.WriteStartElement("category", Ns);
            xml.WriteAttributeString("term", category.Term);
            xml.WriteAttributeString("scheme", category.Scheme);
            xml.WriteAttributeString("label", category.Label);
            xml.WriteEndElement();
        }
        // A relation as a category of the verb: readers that show categories show the sentence, tools can filter on the verb.
        foreach (var relation in entry.Relations)
        {
            xml.WriteStartElement("category", Ns);
            xml.WriteAttributeString("term", relation.Verb);
            xml.WriteAttributeString("scheme", RelationScheme);
            xml.WriteAttributeString("label", relation.Text);
            xml.WriteEndElement();
        }
        if (entry.Summary.Length > 0) xml.WriteElementString("summary", Ns, entry.Summary);
        if (entry.ContentHtml is not null)
        {
            xml.WriteStartElement("content", Ns);
            xml.WriteAttributeString("type", "html");
            xml.WriteString(entry.ContentHtml);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", Ns);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    /// <summary>A worker's writer for entries, kept inside a <c>feed</c> element rather than made (with its buffers) per entry.</summary>
    internal sealed class EntryEncoder
    {
        public MemoryStream Bytes { get; } = new(16 * 1024);

        public XmlWriter Xml { get; }

        public EntryEncoder()
        {
            Xml = XmlWriter.Create(Bytes, Settings());
            Xml.WriteStartElement("feed", Ns);
            Xml.WriteElementString("generator", Ns, "StaticBriefs");
            Xml.Flush();
        }
    }
}
