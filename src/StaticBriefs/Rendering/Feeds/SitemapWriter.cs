using System.Globalization;
using System.Text;
using System.Xml;
using StaticBriefs.Model;
using StaticBriefs.Output;
using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Rendering.Feeds;

/// <summary>
/// One URL of the sitemap before it is made absolute: the site path, and the day (UTC) it last changed, which is all of
/// the date the file shows.
/// </summary>
public readonly record struct SitemapSource(string Path, DateTime? Day)
{
    /// <summary>A URL last changed at <paramref name="modified"/>.</summary>
    public SitemapSource(string path, DateTimeOffset? modified) : this(path, modified?.UtcDateTime.Date) { }
}

/// <summary>One URL of the sitemap.</summary>
/// <param name="Location">Absolute URL.</param>
/// <param name="Modified">Last change, when known.</param>
public readonly record struct SitemapEntry(string Location, DateTimeOffset? Modified);

/// <summary>
/// Writes <c>sitemap.xml</c> (briefs with their dates, pages, entity pages) and <c>robots.txt</c>. The protocol allows
/// 50,000 URLs and 50 MB per file: a larger site gets <c>sitemap.xml</c> as a sitemap index naming
/// <c>sitemap-1.xml</c>, <c>sitemap-2.xml</c>... each within both limits.
/// </summary>
public static class SitemapWriter
{
    /// <summary>URLs one sitemap file may hold (sitemaps.org).</summary>
    public const int MaxUrls = 50_000;

    /// <summary>Bytes one sitemap file may have, uncompressed (sitemaps.org: 50 MB).</summary>
    public const long MaxBytes = 50L * 1024 * 1024;

    private const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>
    /// Writes the site's sitemap file(s) to <paramref name="sink"/>, unless they would say what <paramref name="previous"/>
    /// (what the last write was made from) says; returns what they are made from.
    /// </summary>
    public static IReadOnlyList<SitemapSource> Write(SiteModel site, UrlBuilder urls, IOutputSink sink, IReadOnlyList<SitemapSource>? previous = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var sources = Sources(site);
        // Most edits in preview leave every URL and day as it was: making 14,000 absolute URLs and the XML is skipped.
        if (previous is not null && sources.SequenceEqual(previous)) return previous;
        var entries = Entries(sources, urls);
        // One file, written from the builder its text is made in: 14,000 URLs are 3 MB of text, copied once more into a
        // string only to be encoded.
        if (FitsOneFile(entries, MaxUrls, MaxBytes) && UrlSetBuilder(entries) is { } text) sink.WriteText("sitemap.xml", text);
        else
        {
            foreach (var (name, content) in Files(entries, urls.Permalink, MaxUrls, MaxBytes)) sink.WriteText(name, content);
        }
        return sources;
    }

    /// <summary>The sitemap for a site as one file (sites within the limits).</summary>
    public static string Sitemap(SiteModel site, UrlBuilder urls) => UrlSet(Entries(Sources(site), urls));

    /// <summary>Every URL of the site in sitemap order.</summary>
    public static List<SitemapEntry> Entries(SiteModel site, UrlBuilder urls) => Entries(Sources(site), urls);

    private static List<SitemapEntry> Entries(IReadOnlyList<SitemapSource> sources, UrlBuilder urls) =>
        [.. sources.Select(s => new SitemapEntry(urls.Permalink(s.Path), s.Day is { } day ? new DateTimeOffset(day, TimeSpan.Zero) : null))];

    /// <summary>Every URL of the site in sitemap order, as site paths and the day each last changed.</summary>
    public static IReadOnlyList<SitemapSource> Sources(SiteModel site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var sources = new List<SitemapSource>(site.Briefs.Length + site.Pages.Length + 64);
        var newest = site.Briefs.Length > 0 ? site.Briefs[0].Date : (DateTimeOffset?)null;
        sources.Add(new("/", newest));
        sources.Add(new(ArchivePaths.Index, newest));
        foreach (var (year, ids) in ArchivePaths.Years(site))
        {
            sources.Add(new(ArchivePaths.Year(year), site.Briefs[ids[0]].Date));
            if (!ArchivePaths.IsSplit(ids.Count)) continue;
            foreach (var month in ids.GroupBy(id => site.Briefs[id].Date.Month))
                sources.Add(new(ArchivePaths.Month(year, month.Key), site.Briefs[month.First()].Date));
        }
        foreach (var brief in site.Briefs) sources.Add(new(brief.Path, brief.Source.Updated ?? brief.Date));
        foreach (var page in site.Pages) sources.Add(new(page.Path, (DateTime?)null));
        foreach (var taxonomy in site.Taxonomies.Values.OrderBy(t => t.Kind))
        {
            sources.Add(new(taxonomy.Path, (DateTime?)null));
            foreach (var term in taxonomy.ByName) sources.Add(new(term.Path, site.Briefs[term.BriefIds[0]].Date));
        }
        return sources;
    }

    /// <summary>
    /// The sitemap files for <paramref name="entries"/>: one <c>sitemap.xml</c> when they fit in one file of at most
    /// <paramref name="maxUrls"/> URLs and <paramref name="maxBytes"/> bytes, else numbered files and an index.
    /// </summary>
    public static IReadOnlyList<(string Name, string Content)> Files(
        IReadOnlyList<SitemapEntry> entries, Func<string, string> permalink, int maxUrls, long maxBytes)
    {
        if (FitsOneFile(entries, maxUrls, maxBytes)) return [("sitemap.xml", UrlSet(entries))];
        var chunks = new List<List<SitemapEntry>>();
        var current = new List<SitemapEntry>();
        long size = Envelope;
        foreach (var entry in entries)
        {
            var entrySize = SizeOf(entry);
            if (current.Count > 0 && (current.Count == maxUrls || size + entrySize > maxBytes))
            {
                chunks.Add(current);
                current = [];
                size = Envelope;
            }
            current.Add(entry);
            size += entrySize;
        }
        chunks.Add(current);
        if (chunks.Count == 1) return [("sitemap.xml", UrlSet(chunks[0]))];

        var files = new List<(string, string)>();
        var names = new List<(string Location, DateTimeOffset? Modified)>();
        for (var i = 0; i < chunks.Count; i++)
        {
            var name = $"sitemap-{i + 1}.xml";
            files.Add((name, UrlSet(chunks[i])));
            names.Add((permalink("/" + name), chunks[i].Max(e => e.Modified)));
        }
        files.Insert(0, ("sitemap.xml", Index(names)));
        return files;
    }

    /// <summary>
    /// True when <paramref name="entries"/> fit one file by far, as most sites do: told from the locations' lengths (at
    /// most 7 bytes a character, escapes included), without sizing each entry as <see cref="Files"/> does.
    /// </summary>
    private static bool FitsOneFile(IReadOnlyList<SitemapEntry> entries, int maxUrls, long maxBytes) =>
        entries.Count <= maxUrls && Envelope + entries.Sum(e => 96 + (7L * e.Location.Length)) <= maxBytes;

    /// <summary>robots.txt allowing everything and naming the sitemap.</summary>
    public static string Robots(UrlBuilder urls) => $"User-agent: *\nAllow: /\n\nSitemap: {urls.Permalink("/sitemap.xml")}\n";

    // The XML declaration, <urlset> and their line breaks; generous, so a file never passes the limit.
    private const long Envelope = 256;

    /// <summary>
    /// An upper bound of the bytes an entry adds: its tags and date (under 96), the URL's UTF-8 bytes, and 4 more for
    /// each character XML text escapes (&amp;, &lt;, &gt;).
    /// </summary>
    private static long SizeOf(SitemapEntry entry) =>
        96 + Encoding.UTF8.GetByteCount(entry.Location) + 4L * entry.Location.AsSpan().Count('&') + 4L * entry.Location.AsSpan().Count('<') + 4L * entry.Location.AsSpan().Count('>');

    /// <summary>
    /// A <c>urlset</c> file, written as <see cref="UrlSetThroughXmlWriter"/> writes it (tests compare the two): 11,000
    /// URLs through XmlWriter, and the whole text copied again to name its encoding, were an eighth of the rebuild
    /// thread's work in a preview edit that adds a brief. Locations with characters XmlWriter treats specially (controls, surrogates, non-characters) go
    /// through XmlWriter, as does an empty set.
    /// </summary>
    internal static string UrlSet(IReadOnlyList<SitemapEntry> entries) =>
        UrlSetBuilder(entries)?.ToString() ?? UrlSetThroughXmlWriter(entries);

    /// <summary>The text <see cref="UrlSet"/> gives, in a builder; null for entries that go through XmlWriter.</summary>
    private static StringBuilder? UrlSetBuilder(IReadOnlyList<SitemapEntry> entries)
    {
        if (entries.Count == 0 || entries.Any(e => NeedsXmlWriter(e.Location))) return null;
        var xml = new StringBuilder(128 + (entries.Count * 112));
        xml.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"").Append(Ns).Append("\">");
        foreach (var entry in entries)
        {
            xml.Append("\n  <url>\n    <loc>");
            AppendEscaped(xml, entry.Location);
            xml.Append("</loc>");
            // The day as LastModified gives it, formatted into the text rather than made a string of its own for each URL.
            if (entry.Modified is { } date) xml.Append(CultureInfo.InvariantCulture, $"\n    <lastmod>{date.UtcDateTime:yyyy-MM-dd}</lastmod>");
            xml.Append("\n  </url>");
        }
        return xml.Append("\n</urlset>");
    }

    /// <summary>True when <paramref name="text"/> has a character XmlWriter escapes, checks or rewrites beyond &amp;, &lt; and &gt;.</summary>
    private static bool NeedsXmlWriter(string text)
    {
        foreach (var c in text)
        {
            if (c < ' ' || char.IsSurrogate(c) || c >= '\uFFFE') return true;
        }
        return false;
    }

    /// <summary>Element text as XmlWriter escapes it (for text without the characters of <see cref="NeedsXmlWriter"/>).</summary>
    private static void AppendEscaped(StringBuilder xml, string text)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var next = rest.IndexOfAny('&', '<', '>');
            if (next < 0)
            {
                xml.Append(rest);
                return;
            }
            xml.Append(rest[..next]).Append(rest[next] switch { '&' => "&amp;", '<' => "&lt;", _ => "&gt;" });
            rest = rest[(next + 1)..];
        }
    }

    private static string LastModified(DateTimeOffset date) => Dates.Iso(new DateTimeOffset(date.UtcDateTime.Date, TimeSpan.Zero));

    /// <summary>A <c>urlset</c> file through XmlWriter.</summary>
    internal static string UrlSetThroughXmlWriter(IEnumerable<SitemapEntry> entries) => Xml(xml =>
    {
        xml.WriteStartElement("urlset", Ns);
        foreach (var entry in entries)
        {
            xml.WriteStartElement("url", Ns);
            xml.WriteElementString("loc", Ns, entry.Location);
            WriteDate(xml, entry.Modified);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    });

    private static string Index(IEnumerable<(string Location, DateTimeOffset? Modified)> sitemaps) => Xml(xml =>
    {
        xml.WriteStartElement("sitemapindex", Ns);
        foreach (var (location, modified) in sitemaps)
        {
            xml.WriteStartElement("sitemap", Ns);
            xml.WriteElementString("loc", Ns, location);
            WriteDate(xml, modified);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    });

    private static void WriteDate(XmlWriter xml, DateTimeOffset? modified)
    {
        if (modified is { } date) xml.WriteElementString("lastmod", Ns, LastModified(date));
    }

    private static string Xml(Action<XmlWriter> body)
    {
        var builder = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, NewLineChars = "\n" };
        using (var xml = XmlWriter.Create(builder, settings)) body(xml);
        // XmlWriter over a StringBuilder declares utf-16; the file is written as UTF-8.
        return builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }
}
