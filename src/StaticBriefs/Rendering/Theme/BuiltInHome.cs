using System.Globalization;
using System.Text;
using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Rendering.Theme;

/// <summary>
/// The built-in <c>layouts/home.sbn</c> and the partials it includes (tags, legend, date sections, pager) written in
/// C#, byte for byte what Scriban writes from those files. The home pages are most of what an added or deleted brief
/// renders again (390 of 431 pages at 10,000 briefs: every later page shifts by one), and the interpreter was about
/// half of each. Cards come from <see cref="TemplateRunner.WriteCard"/>, built in or the site's own. Used only while
/// these files and the base layout are the built-in ones, so no layout of the site's own reads what the home layout
/// leaves in the globals; tests build whole sites both ways and compare.
/// </summary>
internal static class BuiltInHome
{
    private static readonly string[] Paths =
    [
        "layouts/home.sbn", "layouts/partials/tags.sbn", "layouts/partials/legend.sbn", "layouts/partials/sections.sbn",
        "layouts/partials/pager.sbn",
    ];

    /// <summary>True when the site's home layout and the partials it includes are the built-in files.</summary>
    public static bool Serves(ThemeFiles files) => Paths.All(path => BuiltInFiles.Unchanged(files, path));

    /// <summary>Appends the home layout's output for one page of the list to <paramref name="html"/>, as the built-in templates write it.</summary>
    /// <param name="html">Where the output goes.</param>
    /// <param name="site">The site's view (its title, description and base path).</param>
    /// <param name="list">The page's briefs: the lead (first page), the rest under date headings, the pager.</param>
    /// <param name="writeCard">Appends a card at a heading level.</param>
    public static void Render(StringBuilder html, SiteView site, ListView list, CardWriter writeCard)
    {
        // Scriban's "~" trims a line holding only tags away whole; a line with text keeps its break.
        if (list.Pager.Current == 1) html.Append("<h1 class=\"visually-hidden\">").Append(E(site.Title)).Append(": latest briefs</h1>\n");
        else html.Append("<h1 class=\"page-title\">Briefs, page ").Append(Int(list.Pager.Current)).Append(" of ").Append(Int(list.Pager.Total)).Append("</h1>\n");
        if (list.Briefs.Count == 0) html.Append("<p>No briefs yet. Add a markdown file under <code>input/briefs/</code>.</p>\n");
        if (list.Lead is { } lead) Lead(html, site, lead);
        if (list.Sections.Count > 0)
        {
            html.Append("<div class=\"river\">\n<div class=\"river-head\">\n<h2 class=\"river-title\">").Append(list.Lead is not null ? "More briefs" : "Briefs")
                .Append("</h2>\n").Append(BuiltInTerm.Legend).Append("</div>\n");
            BuiltInTerm.Sections(html, list.Sections, sectionLevel: 3, cardLevel: 4, writeCard);
            html.Append("</div>\n");
        }
        BuiltInTerm.Pager(html, list.Pager);
        html.Append('\n');
    }

    /// <summary>The newest brief set apart, beside what the site is about.</summary>
    private static void Lead(StringBuilder html, SiteView site, BriefCard lead)
    {
        html.Append("<div class=\"home-top\">\n<article class=\"lead\">\n<p class=\"eyebrow\">Latest brief</p>\n");
        if (lead.Image != "") html.Append("<img class=\"lead-image\" src=\"").Append(E(lead.Image)).Append("\" alt=\"\" decoding=\"async\">\n");
        html.Append("<h2 class=\"lead-title\"><a href=\"").Append(E(lead.Url)).Append("\">").Append(E(lead.Title)).Append("</a></h2>\n")
            .Append("<p class=\"meta\"><time datetime=\"").Append(E(lead.DateIso)).Append("\">").Append(E(lead.DateText)).Append("</time>");
        if (lead.Author != "") html.Append(" · ").Append(E(lead.Author));
        html.Append("</p>\n");
        if (lead.Summary != "") html.Append("<p class=\"lead-summary\">").Append(E(lead.Summary)).Append("</p>\n");
        BuiltInCard.Tags(html, lead.Companies, lead.People, lead.Topics);
        html.Append("</article>\n");
        if (site.Description != "")
        {
            var basePath = E(site.BasePath);
            html.Append("<aside class=\"about-site\" aria-label=\"About this site\">\n<p class=\"about-title\">").Append(E(site.Title)).Append("</p>\n<p>")
                .Append(E(site.Description)).Append("</p>\n<p class=\"about-links\"><a href=\"").Append(basePath).Append("archive/\">Archive</a> · <a href=\"")
                .Append(basePath).Append("feed.xml\">Atom feed</a></p>\n</aside>\n");
        }
        html.Append("</div>\n");
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string E(string value) => BuiltInFiles.Escape(value);
}
