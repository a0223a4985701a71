using System.Globalization;
using System.Text;
using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Rendering.Theme;

/// <summary>
/// The built-in <c>layouts/brief.sbn</c> (with the <c>partials/relations-brief.sbn</c> and <c>partials/tags.sbn</c> it
/// includes) written in C#, byte for byte what Scriban writes from those files: the layout of 10,000 of a 10,000-brief
/// site's 14,000 pages, about 85 us each through the interpreter. Used only while all three files are exactly the
/// built-in ones; tests build whole sites both ways and compare.
/// </summary>
internal static class BuiltInBrief
{
    private static readonly string[] Paths = ["layouts/brief.sbn", "layouts/partials/relations-brief.sbn", "layouts/partials/tags.sbn"];

    /// <summary>True when the site's brief layout and the partials it includes are the built-in files.</summary>
    public static bool Serves(ThemeFiles files) => Paths.All(path => BuiltInFiles.Unchanged(files, path));

    /// <summary>True when the brief shows the "In this brief" chips (the layout's <c>has_entities</c>).</summary>
    public static bool HasEntities(BriefView brief) => brief.Companies.Count > 0 || brief.People.Count > 0 || brief.Topics.Count > 0;

    /// <summary>The brief's layout output, as the built-in templates write it.</summary>
    public static string Render(BriefView brief) => Render(new StringBuilder(brief.Content.Value.Length + 4096), brief).ToString();

    /// <summary>The brief's layout output, written into <paramref name="html"/> (cleared first), which is returned.</summary>
    public static StringBuilder Render(StringBuilder html, BriefView brief)
    {
        var card = brief.Card;
        html.Clear();
        html.EnsureCapacity(brief.Content.Value.Length + 4096);
        // Scriban's "~" trims a line holding only tags away whole; a line with text keeps its break, even when an "if"
        // at its start writes nothing.
        html.Append("<article class=\"brief\">\n<header class=\"brief-header\">\n<h1>").Append(Escape(card.Title)).Append("</h1>\n")
            .Append("<p class=\"meta\"><time datetime=\"").Append(Escape(card.DateIso)).Append("\">").Append(Escape(card.DateText)).Append("</time>\n");
        if (brief.UpdatedIso != "")
            html.Append(" · updated <time datetime=\"").Append(Escape(brief.UpdatedIso)).Append("\">").Append(Escape(brief.UpdatedText)).Append("</time>");
        html.Append("\n · ").Append(Escape(card.ReadingMinutes.ToString(CultureInfo.InvariantCulture))).Append(" min read\n");
        if (card.Author != "") html.Append(" · by ").Append(Escape(card.Author));
        html.Append("</p>\n");
        if (card.Summary != "" && !card.SummaryDerived) html.Append("<p class=\"lede\">").Append(Escape(card.Summary)).Append("</p>\n");
        Relations(html, brief);
        html.Append("</header>\n");
        if (card.Image != "")
            html.Append("<figure class=\"brief-image\"><img src=\"").Append(Escape(card.Image)).Append("\" alt=\"").Append(Escape(card.ImageAlt))
                .Append("\" decoding=\"async\"></figure>\n");
        var hasEntities = HasEntities(brief);
        if (brief.ShowToc || hasEntities)
        {
            html.Append("<aside class=\"brief-aside").Append(!hasEntities && !brief.TocOnPhones ? " wide-only" : "").Append("\" aria-label=\"In this brief\">\n");
            if (brief.ShowToc)
            {
                html.Append("<nav class=\"toc").Append(!brief.TocOnPhones ? " wide-only" : "").Append("\" aria-labelledby=\"toc-title\">\n")
                    .Append("<h2 class=\"aside-title\" id=\"toc-title\">Contents</h2>\n<ol>\n");
                foreach (var entry in brief.Toc)
                    html.Append("<li class=\"toc-level-").Append(Escape(entry.Level.ToString(CultureInfo.InvariantCulture))).Append("\"><a href=\"#")
                        .Append(Escape(entry.Id)).Append("\">").Append(Escape(entry.Text)).Append("</a></li>\n");
                html.Append("</ol>\n</nav>\n");
            }
            if (hasEntities)
            {
                html.Append("<section class=\"in-brief\" aria-labelledby=\"in-brief-title\">\n<h2 class=\"aside-title\" id=\"in-brief-title\">In this brief</h2>\n");
                BuiltInCard.Tags(html, brief.Companies, brief.People, brief.Topics);
                html.Append("</section>\n");
            }
            html.Append("</aside>\n");
        }
        html.Append("<div class=\"prose\">\n").Append(brief.Content.Value).Append("\n</div>\n");
        if (brief.SourceLinks.Count > 0)
        {
            html.Append("<section class=\"sources\" aria-labelledby=\"sources-title\">\n<h2 id=\"sources-title\">Sources</h2>\n<ul>\n");
            foreach (var source in brief.SourceLinks)
            {
                html.Append("<li><a href=\"").Append(Escape(source.Url)).Append("\" rel=\"noopener\">");
                if (source.Site != "") html.Append("<span class=\"source-site\">").Append(Escape(source.Site)).Append("</span>");
                if (source.Title != "") html.Append("<span class=\"source-title\">").Append(Escape(source.Title)).Append("</span>");
                html.Append("</a></li>\n");
            }
            html.Append("</ul>\n</section>\n");
        }
        html.Append("</article>\n");
        if (brief.Previous is not null || brief.Next is not null)
        {
            html.Append("<nav class=\"prev-next\" aria-label=\"Older and newer briefs\">\n<ul>\n");
            if (brief.Next is { } next)
                html.Append("<li class=\"next\"><span class=\"label\">Newer</span> <a href=\"").Append(Escape(next.Url)).Append("\" rel=\"next\">")
                    .Append(Escape(next.Title)).Append("</a></li>\n");
            if (brief.Previous is { } previous)
                html.Append("<li class=\"prev\"><span class=\"label\">Older</span> <a href=\"").Append(Escape(previous.Url)).Append("\" rel=\"prev\">")
                    .Append(Escape(previous.Title)).Append("</a></li>\n");
            html.Append("</ul>\n</nav>\n");
        }
        if (brief.Related.Count > 0)
        {
            html.Append("<section class=\"related\" aria-labelledby=\"related-title\">\n<h2 id=\"related-title\">Related briefs</h2>\n<ul class=\"related-list\">\n");
            foreach (var related in brief.Related)
                html.Append("<li><a href=\"").Append(Escape(related.Url)).Append("\">").Append(Escape(related.Title)).Append("</a> <time datetime=\"")
                    .Append(Escape(related.DateIso)).Append("\">").Append(Escape(related.DateText)).Append("</time></li>\n");
            html.Append("</ul>\n</section>\n");
        }
        return html;
    }

    /// <summary>partials/relations-brief.sbn: the relations the brief reports.</summary>
    private static void Relations(StringBuilder html, BriefView brief)
    {
        if (brief.Relations.Count == 0) return;
        html.Append("<section class=\"relations-brief\" aria-labelledby=\"relations-title\">\n")
            .Append("<h2 id=\"relations-title\" class=\"relations-brief-title\">Moves and deals</h2>\n<ul>\n");
        foreach (var relation in brief.Relations)
        {
            html.Append("<li>");
            End(html, relation.Subject);
            html.Append(' ').Append(Escape(relation.Verb)).Append(' ');
            End(html, relation.Object);
            if (relation.Role != "") html.Append(" (").Append(Escape(relation.Role)).Append(')');
            html.Append(", <time datetime=\"").Append(Escape(relation.DateIso)).Append("\">").Append(Escape(relation.DateText)).Append("</time></li>\n");
        }
        html.Append("</ul>\n</section>\n");
    }

    private static void End(StringBuilder html, LinkView end)
    {
        if (end.Url != "") html.Append("<a href=\"").Append(Escape(end.Url)).Append("\">").Append(Escape(end.Name)).Append("</a>");
        else html.Append(Escape(end.Name));
    }

    private static string Escape(string value) => BuiltInFiles.Escape(value);
}
