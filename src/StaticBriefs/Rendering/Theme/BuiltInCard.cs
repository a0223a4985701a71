using System.Globalization;
using System.Text;
using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Rendering.Theme;

/// <summary>
/// The built-in theme's card (<c>layouts/partials/card.sbn</c> and the <c>partials/tags.sbn</c> it includes) written
/// in C#, byte for byte what Scriban writes from those files, escaping included. An entity's page shows its briefs'
/// cards without its own chip, a card made for that page only: at 10,000 briefs 78,000 such cards, each rendered once,
/// were half the listing pages' processor time through the interpreter. Used only while both files a site resolves are
/// exactly the built-in ones; an override of either goes through its template as before. Tests render every card both
/// ways and compare.
/// </summary>
internal static class BuiltInCard
{
    private const string CardPath = "layouts/partials/card.sbn";
    private const string TagsPath = "layouts/partials/tags.sbn";

    /// <summary>True when the site's card and tags partials are the built-in files (so <see cref="Render"/> may stand in).</summary>
    public static bool Serves(ThemeFiles files) => BuiltInFiles.Unchanged(files, CardPath) && BuiltInFiles.Unchanged(files, TagsPath);

    /// <summary>The card's HTML at heading level <paramref name="level"/>, as the built-in templates write it.</summary>
    public static string Render(BriefCard card, int level)
    {
        var html = new StringBuilder(512 + 96 * (card.Companies.Count + card.People.Count + card.Topics.Count));
        Write(html, card, level);
        return html.ToString();
    }

    /// <summary>
    /// Appends what <see cref="Render"/> returns to <paramref name="html"/>: a listing written in C# takes its cards
    /// this way, with no string of each card's own.
    /// </summary>
    public static void Write(StringBuilder html, BriefCard card, int level)
    {
        var heading = Heading(level);
        // Scriban's "~" trims a line holding only tags away whole, so the output is the other lines, each with its break.
        html.Append("<article class=\"card\">\n");
        if (card.Image != "") html.Append("<img class=\"card-image\" src=\"").Append(Escape(card.Image)).Append("\" alt=\"\" loading=\"lazy\" decoding=\"async\">\n");
        html.Append("<h").Append(heading).Append(" class=\"card-title\"><a href=\"").Append(Escape(card.Url)).Append("\">")
            .Append(Escape(card.Title)).Append("</a></h").Append(heading).Append(">\n<p class=\"meta\"><time datetime=\"")
            .Append(Escape(card.DateIso)).Append("\">").Append(Escape(card.DateText)).Append("</time></p>\n");
        if (card.Summary != "") html.Append("<p class=\"summary\">").Append(Escape(card.Summary)).Append("</p>\n");
        Tags(html, card.Companies, card.People, card.Topics);
        html.Append("</article>\n");
    }

    /// <summary>The heading level as the template writes it (an escaped number: digits need no escaping).</summary>
    private static string Heading(int level) => level switch
    {
        1 => "1",
        2 => "2",
        3 => "3",
        4 => "4",
        5 => "5",
        6 => "6",
        _ => Escape(level.ToString(CultureInfo.InvariantCulture)),
    };

    /// <summary><c>partials/tags.sbn</c>: the chips, grouped by kind.</summary>
    internal static void Tags(StringBuilder html, IReadOnlyList<LinkView> companies, IReadOnlyList<LinkView> people, IReadOnlyList<LinkView> topics)
    {
        if (companies.Count == 0 && people.Count == 0 && topics.Count == 0) return;
        html.Append("<div class=\"tags\">\n");
        Group(html, "Companies", "tag-company", companies);
        Group(html, "People", "tag-person", people);
        Group(html, "Topics", "tag-topic", topics);
        html.Append("</div>\n");
    }

    private static void Group(StringBuilder html, string label, string kindClass, IReadOnlyList<LinkView> links)
    {
        if (links.Count == 0) return;
        html.Append("<ul class=\"tag-group\" aria-label=\"").Append(label).Append("\">\n");
        foreach (var link in links)
            html.Append("<li class=\"tag ").Append(kindClass).Append("\"><a href=\"").Append(Escape(link.Url)).Append("\">")
                .Append(Escape(link.Name)).Append("</a></li>\n");
        html.Append("</ul>\n");
    }

    private static string Escape(string value) => BuiltInFiles.Escape(value);
}
