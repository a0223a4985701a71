using System.Collections.Immutable;
using StaticBriefs.Diagnostics;
using StaticBriefs.Text;

namespace StaticBriefs.Model;

/// <summary>
/// The model stage: decides what is published, gives every document its URL, and computes the taxonomies once
/// from the whole set of briefs (term -> briefs), in the manner of Hugo's taxonomy pass.
/// </summary>
public static class SiteAssembler
{
    /// <summary>Listing paths the generator owns; documentation pages may not take them.</summary>
    private static readonly string[] ReservedPaths = ["/", "/archive/", "/search/", "/briefs/", "/companies/", "/people/", "/topics/", "/page/"];

    /// <summary>True for the listing roots the generator owns and the folders of briefs and home pages (pages may not take them).</summary>
    internal static bool IsGeneratorPath(string path) =>
        ReservedPaths.Contains(path) || path.StartsWith("/briefs/", StringComparison.Ordinal) || path.StartsWith("/page/", StringComparison.Ordinal);

    /// <summary>Builds the frozen site model, reporting duplicate slugs, unknown tags and term kind clashes.</summary>
    public static SiteModel Assemble(LoadedSite loaded, AssemblyOptions options, DiagnosticBag diagnostics)
    {
        EntityClashes.Report(loaded.Entities, diagnostics);
        var catalog = new EntityCatalog(loaded.Entities);
        var published = loaded.Documents
            .Where(d => d.Kind == DocumentKind.Brief)
            .Where(d => options.IncludeDrafts || !d.Draft)
            .Where(d => options.IncludeFuture || d.Date!.Value <= options.Now)
            .Select(d => (Source: d, Slug: SlugOf(d)))
            .ToList();
        ReportDuplicateSlugs(published.Select(p => (p.Slug, p.Source)), "brief", diagnostics);
        ReportFutureBriefs(loaded, options, diagnostics);

        // Newest first; equal dates fall back to slug so the order (and every page built from it) is reproducible.
        published.Sort((a, b) =>
        {
            var byDate = b.Source.Date!.Value.CompareTo(a.Source.Date!.Value);
            return byDate != 0 ? byDate : string.CompareOrdinal(a.Slug, b.Slug);
        });

        var briefs = published.Select((p, index) => new Brief
        {
            Id = index,
            Source = p.Source,
            Slug = p.Slug,
            Date = p.Source.Date!.Value,
            Companies = Resolve(p.Source.Companies, TaxonomyKind.Companies, catalog),
            People = Resolve(p.Source.People, TaxonomyKind.People, catalog),
            Topics = Resolve(p.Source.Topics, TaxonomyKind.Topics, catalog),
        }).ToImmutableArray();

        var taxonomies = TaxonomyBuilder.Build(briefs, catalog);
        EntityChecks.Report(briefs, taxonomies, catalog, options.Strict, diagnostics);

        var pages = loaded.Documents
            .Where(d => d.Kind == DocumentKind.Page && (options.IncludeDrafts || !d.Draft))
            .Select(d => new DocPage(d, PagePath(d)))
            .OrderBy(p => p.Path, StringComparer.Ordinal)
            .ToImmutableArray();
        ReportPageClashes(pages, briefs, diagnostics);

        var known = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        known.UnionWith(ReservedPaths);
        known.UnionWith(briefs.Select(b => b.Path));
        known.UnionWith(briefs.Select(b => ArchivePaths.Year(b.Date.Year)));
        known.UnionWith(pages.Select(p => p.Path));
        known.UnionWith(ArchivePaths.MonthPages(briefs));
        foreach (var taxonomy in taxonomies.Values) known.UnionWith(taxonomy.ByName.Select(t => t.Path));

        var model = new SiteModel
        {
            Settings = loaded.Settings,
            Briefs = briefs,
            Pages = pages,
            Taxonomies = taxonomies,
            StaticFiles = loaded.StaticFiles,
            StaticSources = loaded.StaticSources,
            Entities = loaded.Entities,
            KnownPaths = known.ToImmutable(),
            PathsBySource = loaded.Documents
                .Select(d => (d.RelativePath, Path: d.Kind == DocumentKind.Page ? PagePath(d) : "/briefs/" + SlugOf(d) + "/"))
                .ToImmutableDictionary(x => x.RelativePath, x => x.Path, StringComparer.Ordinal),
        };
        OutputCollisions.Report(model, diagnostics);
        return model;
    }

    /// <summary>
    /// One warning for all the briefs left out because they are dated after the build's clock, naming the soonest:
    /// a scheduled brief is expected, a whole folder silently missing (a wrong year, a time zone) is not.
    /// </summary>
    private static void ReportFutureBriefs(LoadedSite loaded, AssemblyOptions options, DiagnosticBag diagnostics)
    {
        if (options.IncludeFuture) return;
        var future = loaded.Documents
            .Where(d => d.Kind == DocumentKind.Brief && (options.IncludeDrafts || !d.Draft) && d.Date!.Value > options.Now)
            .OrderBy(d => d.Date!.Value).ThenBy(d => d.RelativePath, StringComparer.Ordinal)
            .ToList();
        if (future.Count == 0) return;
        var first = future[0];
        var others = future.Count == 1 ? "" : $" and {future.Count - 1} more";
        diagnostics.Warning(first.RelativePath, 1, DiagnosticCodes.FutureBriefsSkipped,
            $"{future.Count} {(future.Count == 1 ? "brief is" : "briefs are")} dated in the future and not published (this one, {first.Date!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}{others}); " +
            "they appear once their date has passed, or now with --future", 1);
    }

    /// <summary><c>about.md</c> -> <c>/about/</c>; <c>docs/style-guide.md</c> -> <c>/docs/style-guide/</c>; a slug replaces the file name.</summary>
    public static string PagePath(SourceDocument document)
    {
        var directory = System.IO.Path.GetDirectoryName(document.RelativePath)?.Replace('\\', '/') ?? "";
        var name = SlugOf(document);
        var segments = directory.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Slugger.Slugify).Append(name);
        return "/" + string.Join('/', segments) + "/";
    }

    /// <summary>The document's own <c>slug:</c>, else its file name as a slug.</summary>
    private static string SlugOf(SourceDocument document) =>
        document.Slug ?? Slugger.Slugify(System.IO.Path.GetFileNameWithoutExtension(document.RelativePath));

    private static ImmutableArray<TermKey> Resolve(ImmutableArray<TagMention> mentions, TaxonomyKind kind, EntityCatalog catalog) =>
        [.. mentions.Select(m => catalog.Resolve(kind, m.Name)).Distinct()];

    private static void ReportDuplicateSlugs(IEnumerable<(string Slug, SourceDocument Source)> items, string what, DiagnosticBag diagnostics)
    {
        foreach (var group in items.GroupBy(i => i.Slug, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var files = group.Select(g => g.Source.RelativePath).Order(StringComparer.Ordinal).ToList();
            foreach (var (_, source) in group)
            {
                var others = string.Join(", ", files.Where(f => f != source.RelativePath));
                diagnostics.Error(source.RelativePath, source.SlugLine, DiagnosticCodes.DuplicateSlug,
                    $"{what} slug '{group.Key}' is also used by {others}; give one of them a different 'slug:' so each has its own URL",
                    source.SlugColumn);
            }
        }
    }

    private static void ReportPageClashes(ImmutableArray<DocPage> pages, ImmutableArray<Brief> briefs, DiagnosticBag diagnostics)
    {
        // Two briefs on one slug are reported above; the first is enough to name here.
        var briefsByPath = new Dictionary<string, Brief>(StringComparer.Ordinal);
        foreach (var brief in briefs) briefsByPath.TryAdd(brief.Path, brief);
        foreach (var page in pages)
        {
            if (briefsByPath.TryGetValue(page.Path, out var twin))
            {
                diagnostics.Error(page.Source.RelativePath, page.Source.SlugLine, DiagnosticCodes.DuplicateSlug,
                    $"page path '{page.Path}' is also the page of the brief {twin.Source.RelativePath}; move the file or give it another 'slug:'",
                    page.Source.SlugColumn);
                continue;
            }
            if (IsGeneratorPath(page.Path))
                diagnostics.Error(page.Source.RelativePath, page.Source.SlugLine, DiagnosticCodes.DuplicateSlug,
                    $"page path '{page.Path}' is used by the generator itself; move the file or give it another 'slug:'",
                    page.Source.SlugColumn);
        }
        ReportDuplicateSlugs(pages.Select(p => (p.Path, p.Source)), "page", diagnostics);
    }
}
