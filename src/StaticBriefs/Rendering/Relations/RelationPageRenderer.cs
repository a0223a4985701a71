using StaticBriefs.Diagnostics;
using StaticBriefs.Model;
using StaticBriefs.Output;
using StaticBriefs.Rendering.Theme;
using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Rendering.Relations;

/// <summary>
/// The relations pass: the <c>/moves/</c> page, <c>/relations.json</c> and
/// one <c>index.json</c> beside every company, person and topic page.
/// </summary>
public sealed class RelationPageRenderer(
    SiteModel site, ViewFactory views, SiteView siteView, TemplateRunner templates, IOutputSink sink, DiagnosticBag diagnostics)
{
    /// <summary>Writes every relation page and file; returns how many were written.</summary>
    public int RenderAll(int maxParallelism)
    {
        var json = new RelationJsonWriter(site, views);
        var jobs = new List<Action> { () => sink.WriteBytes("relations.json", json.Relations()), Moves };
        foreach (var taxonomy in site.Taxonomies.Values.OrderBy(t => t.Kind))
        {
            foreach (var term in taxonomy.ByName)
                jobs.Add(() => sink.WriteBytes(term.Path.TrimStart('/') + "index.json", json.Entity(term)));
        }
        Parallel.ForEach(jobs, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism }, job => job());
        return jobs.Count;
    }

    /// <summary>
    /// Writes <c>/moves/</c> and <c>/relations.json</c> (both draw on every brief) and the data files of the entities
    /// <paramref name="scope"/> names (a partial rebuild in preview).
    /// </summary>
    public int RenderSome(RenderScope scope, int maxParallelism)
    {
        var json = new RelationJsonWriter(site, views);
        var jobs = new List<Action> { () => sink.WriteBytes("relations.json", json.Relations()), Moves };
        foreach (var (kind, key) in scope.TermData)
        {
            var term = site.TermOf(kind, key);
            jobs.Add(() => sink.WriteBytes(term.Path.TrimStart('/') + "index.json", json.Entity(term)));
        }
        Parallel.ForEach(jobs, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism }, job => job());
        return jobs.Count;
    }

    private void Moves()
    {
        var path = RelationViews.MovesPath;
        var page = new PageView
        {
            Kind = "moves",
            Title = "Moves",
            Description = $"Who joined, left and founded which companies in {site.Settings.Title}, and where people went.",
            Url = views.Urls.Link(path),
            Permalink = views.Urls.Permalink(path),
            Feeds = SiteFeeds.Links(views.Urls, site.Settings.Title),
        };
        PageWriter.Write(templates, sink, UrlBuilder.FileFor(path), "moves",
            PageGlobals.Create(siteView, page, "moves", new RelationViews(site, views).Moves()), path, diagnostics);
    }
}
