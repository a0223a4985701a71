using System.Text;
using System.Xml;
using StaticBriefs.Model;
using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Rendering.Feeds;

/// <summary>Writes <c>sitemap.xml</c> (briefs with their dates, pages, entity pages) and <c>robots.txt</c>.</summary>
public static class SitemapWriter
{
    private const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>The sitemap for a site.</summary>
    public static string Sitemap(SiteModel site, UrlBuilder urls)
    {
        var builder = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, NewLineChars = "\n" };
        using (var xml = XmlWriter.Create(builder, settings))
        {
            xml.WriteStartElement("urlset", Ns);
            var newest = site.Briefs.Length > 0 ? site.Briefs[0].Date : (DateTimeOffset?)null;
            Url(xml, urls.Permalink("/"), newest);
            Url(xml, urls.Permalink(ArchivePaths.Index), newest);
            foreach (var (year, ids) in ArchivePaths.Years(site)) Url(xml, urls.Permalink(ArchivePaths.Year(year)), site.Briefs[ids[0]].Date);
            foreach (var brief in site.Briefs) Url(xml, urls.Permalink(brief.Path), brief.Source.Updated ?? brief.Date);
            foreach (var page in site.Pages) Url(xml, urls.Permalink(page.Path), null);
            foreach (var taxonomy in site.Taxonomies.Values.OrderBy(t => t.Kind))
            {
                Url(xml, urls.Permalink(taxonomy.Path), null);
                foreach (var term in taxonomy.ByName) Url(xml, urls.Permalink(term.Path), site.Briefs[term.BriefIds[0]].Date);
            }
            xml.WriteEndElement();
        }
        // XmlWriter over a StringBuilder declares utf-16; the file is written as UTF-8.
        return builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    /// <summary>robots.txt allowing everything and naming the sitemap.</summary>
    public static string Robots(UrlBuilder urls) => $"User-agent: *\nAllow: /\n\nSitemap: {urls.Permalink("/sitemap.xml")}\n";

    private static void Url(XmlWriter xml, string location, DateTimeOffset? modified)
    {
        xml.WriteStartElement("url", Ns);
        xml.WriteElementString("loc", Ns, location);
        if (modified is { } date) xml.WriteElementString("lastmod", Ns, Dates.Iso(new DateTimeOffset(date.UtcDateTime.Date, TimeSpan.Zero)));
        xml.WriteEndElement();
    }
}
