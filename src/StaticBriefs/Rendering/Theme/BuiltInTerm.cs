using System.Globalization;
using System.Text;
using StaticBriefs.Rendering.Relations;
using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Rendering.Theme;

/// <summary>
/// The built-in <c>layouts/term.sbn</c> and the partials it includes (affiliations, chart, relations, legend, date
/// sections, pager, co-mentions) written in C#, byte for byte what Scriban writes from those files: an entity's page
/// and each page of its timeline, 3,500 of a 10,000-brief site's pages at about 0.24 ms each through the interpreter.
/// Cards come from <see cref="TemplateRunner.WriteCard"/>, built in or the site's own. Used only while these files and
/// the base layout are the built-in ones, so no layout of the site's own reads what the term layout leaves in the
/// globals; tests build whole sites both ways and compare.
/// </summary>
internal static class BuiltInTerm
{
    private static readonly string[] Paths =
    [
        "layouts/term.sbn", "layouts/partials/term-affiliations.sbn", "layouts/partials/term-chart.sbn",
        "layouts/partials/relations-term.sbn", "layouts/partials/legend.sbn", "layouts/partials/sections.sbn",
        "layouts/partials/pager.sbn", "layouts/partials/term-related.sbn",
    ];

    /// <summary>True when the site's term layout and the partials it includes are the built-in files.</summary>
    public static bool Serves(ThemeFiles files) => Paths.All(path => BuiltInFiles.Unchanged(files, path));

    /// <summary>
    /// Appends the term layout's output to <paramref name="html"/>, as the built-in templates write it;
    /// <paramref name="writeCard"/> appends a card at a heading level.
    /// </summary>
    public static void Render(StringBuilder html, TermView term, CardWriter writeCard)
    {
        // Scriban's "~" trims a line holding only tags away whole; a line with text keeps its break, even when an "if"
        // at its start writes nothing.
        html.Append("<header class=\"term-header\">\n<p class=\"eyebrow\"><a href=\"").Append(E(term.KindUrl)).Append("\">").Append(E(term.KindTitle))
            .Append("</a></p>\n<h1>").Append(E(term.Name)).Append("</h1>\n");
        if (term.Description != "") html.Append("<p class=\"lede\">").Append(E(term.Description)).Append("</p>\n");
        html.Append("<p class=\"meta\">").Append(E(N0(term.Count))).Append(' ').Append(term.Count == 1 ? "brief" : "briefs").Append('\n');
        if (term.Website != "") html.Append(" · <a href=\"").Append(E(term.Website)).Append("\" rel=\"noopener\">Website</a>");
        html.Append('\n');
        if (term.FeedUrl != "")
            html.Append(" · Follow: <a href=\"").Append(E(term.FeedUrl)).Append("\">Atom</a>, <a href=\"").Append(E(term.JsonFeedUrl)).Append("\">JSON Feed</a>");
        html.Append("</p>\n</header>\n<div class=\"term-facts\">\n");
        Affiliations(html, term);
        Chart(html, term.Chart);
        html.Append("</div>\n");
        if (term.Relations is { IsEmpty: false } relations) TermRelations(html, relations);
        html.Append("<div class=\"term-layout\">\n<section class=\"timeline\" aria-labelledby=\"timeline-title\">\n<h2 id=\"timeline-title\">Briefs");
        if (term.Pager.Total > 1) html.Append(", page ").Append(Int(term.Pager.Current)).Append(" of ").Append(Int(term.Pager.Total));
        html.Append("</h2>\n").Append(Legend);
        Sections(html, term.Timeline, sectionLevel: 3, cardLevel: 4, writeCard);
        Pager(html, term.Pager);
        html.Append("\n</section>\n");
        Related(html, term.Related);
        html.Append("</div>\n");
    }

    /// <summary><c>partials/term-affiliations.sbn</c>.</summary>
    private static void Affiliations(StringBuilder html, TermView term)
    {
        if (term.CurrentCompanies.Count == 0 && term.PastCompanies.Count == 0 && term.PeopleNow.Count == 0 && term.PeopleBefore.Count == 0
            && term.CompaniesInBriefs.Count == 0) return;
        html.Append("<section class=\"affiliations\" aria-labelledby=\"affiliations-title\">\n<h2 id=\"affiliations-title\">")
            .Append(term.Kind == "companies" ? "People" : "Companies").Append("</h2>\n<dl>\n");
        LinkList(html, "Now at", term.CurrentCompanies);
        LinkList(html, "Previously", term.PastCompanies);
        LinkList(html, "Now here", term.PeopleNow);
        LinkList(html, "Formerly here", term.PeopleBefore);
        if (term.CompaniesInBriefs.Count > 0)
        {
            html.Append("<dt>In the briefs</dt>\n<dd><ul class=\"spans\">\n");
            foreach (var span in term.CompaniesInBriefs)
                html.Append("<li><a href=\"").Append(E(span.Company.Url)).Append("\">").Append(E(span.Company.Name)).Append("</a> <span class=\"count\">")
                    .Append(E(span.Years)).Append("</span></li>\n");
            html.Append("</ul></dd>\n");
        }
        html.Append("</dl>\n</section>\n");
    }

    private static void LinkList(StringBuilder html, string label, IReadOnlyList<LinkView> links)
    {
        if (links.Count == 0) return;
        html.Append("<dt>").Append(label).Append("</dt>\n<dd>");
        for (var i = 0; i < links.Count; i++)
        {
            if (i > 0) html.Append(", ");
            Link(html, links[i]);
        }
        html.Append("</dd>\n");
    }

    /// <summary><c>partials/term-chart.sbn</c>.</summary>
    private static void Chart(StringBuilder html, ChartView? chart)
    {
        if (chart is null) return;
        html.Append("<div class=\"activity-block\">\n<figure class=\"activity\" aria-labelledby=\"activity-caption\">\n").Append(chart.Svg.Value)
            .Append("\n<figcaption id=\"activity-caption\">").Append(E(chart.Summary)).Append("</figcaption>\n</figure>\n")
            .Append("<details class=\"activity-table\">\n<summary>Briefs per year</summary>\n<table>\n")
            .Append("<thead><tr><th scope=\"col\">Year</th><th scope=\"col\">Briefs</th></tr></thead>\n<tbody>\n");
        foreach (var year in chart.Years)
            html.Append("<tr><td>").Append(Int(year.Year)).Append("</td><td>").Append(E(N0(year.Count))).Append("</td></tr>\n");
        html.Append("</tbody>\n</table>\n</details>\n</div>\n");
    }

    /// <summary><c>partials/relations-term.sbn</c>: career line, arrivals and departures, other relations.</summary>
    private static void TermRelations(StringBuilder html, TermRelationsView rel)
    {
        html.Append("<section class=\"relations-term\" aria-labelledby=\"relations-term-title\">\n<h2 id=\"relations-term-title\">")
            .Append(rel.Career.Count > 0 ? "Career" : "Moves and deals").Append("</h2>\n");
        if (rel.Career.Count > 0)
        {
            html.Append("<ol class=\"career-line\">\n");
            foreach (var step in rel.Career) CareerStep(html, step);
            html.Append("</ol>\n");
        }
        if (rel.Arrivals.Count > 0 || rel.Departures.Count > 0)
        {
            html.Append("<div class=\"flows\">\n");
            Flow(html, "arrivals", "Arrivals", rel.Arrivals, rel.ArrivalCount, departures: false);
            Flow(html, "departures", "Departures", rel.Departures, rel.DepartureCount, departures: true);
            html.Append("</div>\n");
            if (rel.NetByYear.Count > 0)
            {
                html.Append("<table class=\"net-flow\">\n<caption>People in and out by year</caption>\n<thead><tr><th scope=\"col\">Year</th>")
                    .Append("<th scope=\"col\">Arrivals</th><th scope=\"col\">Departures</th><th scope=\"col\">Net</th></tr></thead>\n<tbody>\n");
                foreach (var year in rel.NetByYear)
                    html.Append("<tr><th scope=\"row\">").Append(Int(year.Year)).Append("</th><td>").Append(Int(year.Arrivals)).Append("</td><td>")
                        .Append(Int(year.Departures)).Append("</td><td>").Append(E(year.Net)).Append("</td></tr>\n");
                html.Append("</tbody>\n</table>\n");
            }
        }
        if (rel.Other.Count > 0)
        {
            html.Append("<ul class=\"relations-other\">\n");
            foreach (var r in rel.Other)
            {
                html.Append("<li>");
                Link(html, r.Subject);
                html.Append(' ').Append(E(r.Verb)).Append(' ');
                Link(html, r.Object);
                Role(html, r.Role);
                html.Append(", <time datetime=\"").Append(E(r.DateIso)).Append("\">").Append(E(r.DateText)).Append("</time>");
                BriefLink(html, ": ", r.Brief);
                html.Append("</li>\n");
            }
            html.Append("</ul>\n");
        }
        html.Append("<p class=\"meta\">").Append(rel.Capped ? "Only the latest are listed; the data file has them all. " : "").Append("<a href=\"")
            .Append(E(rel.MovesUrl)).Append("\">All moves</a> · <a href=\"").Append(E(rel.JsonUrl)).Append("\">Data (JSON)</a></p>\n</section>\n");
    }

    private static void CareerStep(StringBuilder html, CareerStepView step)
    {
        html.Append("<li><span class=\"career-company\">");
        Link(html, step.Company);
        html.Append("</span>");
        if (step.Role != "") html.Append(", ").Append(E(step.Role));
        html.Append("\n<span class=\"career-dates\">");
        if (step.FromText != "")
        {
            html.Append(E(step.Started)).Append(" <time datetime=\"").Append(E(step.FromIso)).Append("\">").Append(E(step.FromText)).Append("</time>");
            BriefLink(html, " (", step.FromBrief, ")");
        }
        if (step.FromText != "" && step.ToText != "") html.Append("; ");
        if (step.ToText != "")
        {
            html.Append("left <time datetime=\"").Append(E(step.ToIso)).Append("\">").Append(E(step.ToText)).Append("</time>");
            BriefLink(html, " (", step.ToBrief, ")");
        }
        else if (step.FromText != "") html.Append(", to date");
        html.Append("</span></li>\n");
    }

    private static void Flow(StringBuilder html, string id, string title, IReadOnlyList<RelationView> relations, int count, bool departures)
    {
        if (relations.Count == 0) return;
        html.Append("<section aria-labelledby=\"").Append(id).Append("-title\">\n<h3 id=\"").Append(id).Append("-title\">").Append(title);
        if (count > relations.Count) html.Append(" (latest ").Append(Int(relations.Count)).Append(" of ").Append(Int(count)).Append(')');
        html.Append("</h3>\n<ul>\n");
        foreach (var r in relations)
        {
            html.Append("<li>");
            Link(html, r.Subject);
            html.Append(departures ? " left" : " " + E(r.VerbPast));
            Role(html, r.Role);
            html.Append(" in <time datetime=\"").Append(E(r.DateIso)).Append("\">").Append(E(r.MonthText)).Append("</time>");
            BriefLink(html, ": ", r.Brief);
            html.Append("</li>\n");
        }
        html.Append("</ul>\n</section>\n");
    }

    private static void Role(StringBuilder html, string role)
    {
        if (role != "") html.Append(" (").Append(E(role)).Append(')');
    }

    private static void BriefLink(StringBuilder html, string before, LinkView? brief, string after = "")
    {
        if (brief is not null)
            html.Append(before).Append("<a href=\"").Append(E(brief.Url)).Append("\">").Append(E(brief.Name)).Append("</a>").Append(after);
    }

    /// <summary><c>partials/legend.sbn</c>'s output: what the three chip styles mean.</summary>
    internal const string Legend = "<p class=\"legend\"><span class=\"legend-label\">Chips:</span> <span class=\"tag tag-company\"><span>Company</span></span> "
        + "<span class=\"tag tag-person\"><span>Person</span></span> <span class=\"tag tag-topic\"><span>Topic</span></span></p>\n";

    /// <summary><c>partials/sections.sbn</c>: cards under date headings.</summary>
    internal static void Sections(StringBuilder html, IReadOnlyList<MonthGroup> sections, int sectionLevel, int cardLevel, CardWriter writeCard)
    {
        foreach (var section in sections)
        {
            if (section.Label != "")
            {
                var id = E(section.Id);
                html.Append("<section class=\"date-section\" aria-labelledby=\"d-").Append(id).Append("\">\n<h").Append(Int(sectionLevel))
                    .Append(" class=\"date-heading\" id=\"d-").Append(id).Append("\">").Append(E(section.Label)).Append("</h").Append(Int(sectionLevel)).Append(">\n");
            }
            else html.Append("<section class=\"date-section\">\n");
            var level = section.Label != "" ? cardLevel : sectionLevel;
            html.Append("<div class=\"cards\">\n");
            foreach (var card in section.Briefs)
            {
                writeCard(html, card, level);
                html.Append('\n');
            }
            html.Append("</div>\n</section>\n");
        }
    }

    /// <summary><c>partials/pager.sbn</c>.</summary>
    internal static void Pager(StringBuilder html, PagerView pager)
    {
        if (pager.Total <= 1) return;
        html.Append("<nav class=\"pager\" aria-label=\"Pages\">\n<ul>\n");
        if (pager.PrevUrl != "") html.Append("<li><a href=\"").Append(E(pager.PrevUrl)).Append("\" rel=\"prev\">Newer</a></li>\n");
        var last = 0;
        foreach (var page in pager.Pages)
        {
            if (page.Number > last + 1) html.Append("<li class=\"gap\" aria-hidden=\"true\">…</li>\n");
            var number = Int(page.Number);
            html.Append("<li><a href=\"").Append(E(page.Url)).Append('"').Append(page.IsCurrent ? " aria-current=\"page\"" : "")
                .Append(" aria-label=\"Page ").Append(number).Append("\">").Append(number).Append("</a></li>\n");
            last = page.Number;
        }
        if (pager.NextUrl != "") html.Append("<li><a href=\"").Append(E(pager.NextUrl)).Append("\" rel=\"next\">Older</a></li>\n");
        html.Append("</ul>\n</nav>\n");
    }

    /// <summary><c>partials/term-related.sbn</c>: the entities most often named beside this one.</summary>
    private static void Related(StringBuilder html, IReadOnlyList<LinkGroup> related)
    {
        if (related.Count == 0) return;
        html.Append("<aside class=\"co-mentions\" aria-labelledby=\"co-title\">\n<h2 id=\"co-title\">Often mentioned with</h2>\n");
        foreach (var group in related)
        {
            html.Append("<h3 class=\"co-kind\">").Append(E(group.Title)).Append("</h3>\n<ul>\n");
            var kind = E(group.Kind);
            foreach (var link in group.Links)
                html.Append("<li class=\"co-").Append(kind).Append("\"><a href=\"").Append(E(link.Url)).Append("\">").Append(E(link.Name))
                    .Append("</a> <span class=\"count\">").Append(E(N0(link.Count))).Append("</span></li>\n");
            html.Append("</ul>\n");
        }
        html.Append("</aside>\n");
    }

    private static void Link(StringBuilder html, LinkView link)
    {
        if (link.Url != "") html.Append("<a href=\"").Append(E(link.Url)).Append("\">").Append(E(link.Name)).Append("</a>");
        else html.Append(E(link.Name));
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    // Scriban's math.format formats in the context's culture, the invariant one.
    private static string N0(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string E(string value) => BuiltInFiles.Escape(value);
}
