using System.Collections.Immutable;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Runtime.InteropServices;
using StaticBriefs.Diagnostics;
using StaticBriefs.Model.Relations;

namespace StaticBriefs.Model;

/// <summary>
/// The model stage: decides what is published, gives every document its URL from one permalink scheme
/// (<see cref="DocumentPaths"/>), places page bundles' files beside their pages, plans redirects from old URLs, and
/// computes the taxonomies once from the whole set of briefs (term -> briefs), in the manner of Hugo's taxonomy pass.
/// </summary>
public static class SiteAssembler
{
    /// <summary>Listing paths the generator owns; documents may not take them.</summary>
    private static readonly string[] ReservedPaths = ["/", "/archive/", "/search/", "/briefs/", "/companies/", "/people/", "/topics/", "/page/", "/moves/"];

    /// <summary>True for the listing roots the generator owns and the home listing's later pages (documents may not take them).</summary>
    internal static bool IsGeneratorPath(string path) =>
        path.StartsWith("/page/", StringComparison.Ordinal) || (path.Length <= LongestReservedPath && ReservedPaths.Contains(path));

    // Every brief's path is checked, twice an assembly: most are longer than any listing root.
    private static readonly int LongestReservedPath = ReservedPaths.Max(p => p.Length);

    /// <summary>Builds the frozen site model, reporting URL clashes, bad permalinks and redirects, unknown tags and term kind clashes.</summary>
    public static SiteModel Assemble(LoadedSite loaded, AssemblyOptions options, DiagnosticBag diagnostics) =>
        Assemble(loaded, options, diagnostics, null, out _);

    /// <summary>
    /// Builds the site model, deciding again only what <paramref name="memory"/> does not already know (see
    /// <see cref="AssemblyMemo"/>; <see cref="AssemblyMemo.Empty"/> to start remembering). <paramref name="next"/> is
    /// what this assembly decided, for the next one; null when no memory was given. The model and every diagnostic are
    /// the same with or without memory.
    /// </summary>
    internal static SiteModel Assemble(LoadedSite loaded, AssemblyOptions options, DiagnosticBag diagnostics, AssemblyMemo? memory, out AssemblyMemo? next)
    {
        EntityClashes.Report(loaded.Entities, diagnostics);
        ReadingNotes.Report(loaded.Documents, diagnostics);
        var catalog = memory?.CatalogFor(loaded.Entities) ?? new EntityCatalog(loaded.Entities);
        // Every document's place is decided once, published or not, loaded or failed: links to any of them resolve,
        // and clashes show up in the same run as front matter errors.
        SourceDocument[] documents = [.. loaded.Documents, .. loaded.Failed];
        var found = FindPlaces(documents, loaded.Settings, memory, diagnostics);
        var places = new Dictionary<string, DocumentPlace>(documents.Length, StringComparer.Ordinal);
        // In load order, so a path named twice keeps the later place, as it always has.
        for (var i = 0; i < documents.Length; i++) places[documents[i].RelativePath] = found[i].Place;
        ReportFutureBriefs(loaded, options, diagnostics);

        var published = loaded.Documents
            .Where(d => d.Kind == DocumentKind.Brief && IsPublished(d, options))
            .Select(d => (Source: d, Place: places[d.RelativePath]))
            .ToList();
        // Newest first; equal dates fall back to slug, then URL, so the order (and every page built from it) is reproducible.
        published.Sort((a, b) =>
        {
            var byDate = b.Source.Date!.Value.CompareTo(a.Source.Date!.Value);
            if (byDate != 0) return byDate;
            var bySlug = string.CompareOrdinal(a.Place.Slug, b.Place.Slug);
            return bySlug != 0 ? bySlug : string.CompareOrdinal(a.Place.Path, b.Place.Path);
        });

        // A brief names every entity its relations name, so each relation links to pages that exist. Each brief is
        // resolved on its own (the catalog is read-only, the bag takes reports from any thread), so preview's model
        // after an edit is made on every core.
        var resolved = new BriefResolution[published.Count];
        Parallel.For(0, published.Count, index =>
        {
            var (source, place) = published[index];
            if (memory?.Brief(source, catalog, index, place) is { } known)
            {
                foreach (var diagnostic in known.Diagnostics) diagnostics.Add(diagnostic);
                resolved[index] = known;
            }
            else resolved[index] = BriefResolution.Resolve(source, place, index, catalog, keepDiagnostics: memory is not null, diagnostics);
        });
        var briefs = ImmutableCollectionsMarshal.AsImmutableArray(Array.ConvertAll(resolved, r => r.Brief));
        var unknown = Array.ConvertAll(resolved, r => r.Unknown);
        next = memory is null ? null : AssemblyMemo.Of(loaded.Settings, documents, found, catalog, resolved);

        var taxonomies = TaxonomyBuilder.Build(briefs, unknown, catalog);
        var entityChecks = Task.Run(() => EntityChecks.Report(briefs, unknown, taxonomies, catalog, options.Strict, diagnostics));

        var pages = loaded.Documents
            .Where(d => d.Kind == DocumentKind.Page && IsPublished(d, options) && places[d.RelativePath].Path is not null)
            .Select(d => new DocPage(d, places[d.RelativePath].Path!))
            .OrderBy(p => p.Path, StringComparer.Ordinal)
            .ToImmutableArray();
        var failed = loaded.Failed.Where(d => !d.Draft && places[d.RelativePath].Path is not null)
            .Select(d => (d, places[d.RelativePath].Path!, d.Kind == DocumentKind.Page ? "page" : "brief"));
        // The look-up sets report nothing and read only what is made above: built on another core while this one checks
        // URLs and places bundles (a cached build at 10,000 briefs assembles twice, each time on one busy thread here).
        var lookups = Task.Run(() => (
            Known: KnownPaths(briefs, pages, taxonomies, loaded, places),
            // A document whose URL could not be made (a failed brief without a date) is found by a placeholder
            // that is known, so links to it add nothing to the errors its own file already has.
            // Read-only views of collections made here and never changed: built in a fraction of a frozen one's time.
            BySource: new ReadOnlyDictionary<string, string>(places.ToDictionary(p => p.Key, p => p.Value.Path ?? Pending(p.Key), StringComparer.Ordinal)),
            Unpublished: Unpublished(loaded, places, options)));
        UrlClashes.Report([.. briefs.Select(b => (b.Source, b.Path, "brief")), .. pages.Select(p => (p.Source, p.Path, "page")), .. failed], diagnostics);

        var files = PageBundles.Place(loaded, Bundles(loaded, places, briefs, pages), diagnostics);
        var relations = new RelationSet(resolved.SelectMany(r => r.Relations).Concat(RelationResolver.FromAffiliations(catalog, diagnostics)));
        var images = ImageResolver.Resolve(briefs.Select(b => b.Source).Concat(pages.Select(p => p.Source)), loaded.StaticFiles, diagnostics, files.Resources);
        var (known, bySource, unpublished) = lookups.GetAwaiter().GetResult();
        var model = new SiteModel
        {
            Settings = loaded.Settings,
            Briefs = briefs,
            Pages = pages,
            Taxonomies = taxonomies,
            StaticFiles = files.Files,
            StaticSources = files.Sources,
            Resources = files.Resources,
            Entities = loaded.Entities,
            Relations = relations,
            KnownPaths = known,
            PathsBySource = bySource,
            Unpublished = unpublished,
            Images = images,
        };
        var collisions = Task.Run(() => OutputCollisions.Report(model, diagnostics));
        model = model with { Redirects = RedirectPlanner.Plan(model, diagnostics) };
        Task.WaitAll(entityChecks, collisions);
        return model;
    }

    /// <summary>
    /// Every document's place (and what deciding it reported), each decided on its own; with memory, only documents it
    /// has not seen are decided again.
    /// </summary>
    private static (DocumentPlace Place, IReadOnlyList<Diagnostic> Diagnostics)[] FindPlaces(
        SourceDocument[] documents, SiteSettings settings, AssemblyMemo? memory, DiagnosticBag diagnostics)
    {
        var found = new (DocumentPlace, IReadOnlyList<Diagnostic>)[documents.Length];
        Parallel.For(0, documents.Length, i =>
        {
            if (memory is null)
            {
                found[i] = (DocumentPaths.Of(documents[i], settings, diagnostics), []);
                return;
            }
            if (!memory.TryPlace(documents[i], settings, out var place, out var reported))
            {
                var own = new DiagnosticBag();
                place = DocumentPaths.Of(documents[i], settings, own);
                reported = own.Sorted();
            }
            foreach (var diagnostic in reported) diagnostics.Add(diagnostic);
            found[i] = (place, reported);
        });
        return found;
    }

    /// <summary>
    /// One warning for all the briefs left out because they are dated after the build's clock, naming the soonest:
    /// a scheduled brief is expected, a whole folder silently missing (a wrong year, a time zone) is not.
    /// </summary>
    private static void ReportFutureBriefs(LoadedSite loaded, AssemblyOptions options, DiagnosticBag diagnostics)
    {
        if (options.IncludeFuture) return;
        var future = loaded.Documents
            .Where(d => d.Kind == DocumentKind.Brief && (options.IncludeDrafts || !d.Draft) && d.Date is { } date && date > options.Now)
            .OrderBy(d => d.Date!.Value).ThenBy(d => d.RelativePath, StringComparer.Ordinal)
            .ToList();
        if (future.Count == 0) return;
        var first = future[0];
        var others = future.Count == 1 ? "" : $" and {future.Count - 1} more";
        diagnostics.Warning(first.RelativePath, 1, DiagnosticCodes.FutureBriefsSkipped,
            $"{future.Count} {(future.Count == 1 ? "brief is" : "briefs are")} dated in the future and not published (this one, {first.Date!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}{others}); " +
            "they appear once their date has passed, or now with --future", 1);
    }


    private static bool IsPublished(SourceDocument document, AssemblyOptions options) =>
        (options.IncludeDrafts || !document.Draft)
        // A draft may have no date yet (SB085): it waits for one.
        && (document.Kind == DocumentKind.Page || document.Date is { } date && (options.IncludeFuture || date <= options.Now));

    private static string Pending(string relativePath) => "/" + relativePath;

    /// <summary>Each page bundle's folder with its page's path, or null when the page is not published (its files are not either).</summary>
    private static Dictionary<string, string?> Bundles(
        LoadedSite loaded, Dictionary<string, DocumentPlace> places, ImmutableArray<Brief> briefs, ImmutableArray<DocPage> pages)
    {
        var bundles = new Dictionary<string, string?>(StringComparer.Ordinal);
        HashSet<string>? live = null;
        foreach (var document in loaded.Documents.Concat(loaded.Failed))
        {
            if (!DocumentPaths.IsBundle(document.RelativePath)) continue;
            // Made for the first bundle: most sites of briefs have none.
            live ??= briefs.Select(b => b.Source.RelativePath).Concat(pages.Select(p => p.Source.RelativePath)).ToHashSet(StringComparer.Ordinal);
            var path = places[document.RelativePath].Path;
            var shown = live.Contains(document.RelativePath) || loaded.Failed.Contains(document);
            bundles[DocumentPaths.BundleFolder(document.RelativePath)] = shown ? path : null;
        }
        return bundles;
    }

    private static ReadOnlySet<string> KnownPaths(
        ImmutableArray<Brief> briefs, ImmutableArray<DocPage> pages, ImmutableDictionary<TaxonomyKind, Taxonomy> taxonomies,
        LoadedSite loaded, Dictionary<string, DocumentPlace> places)
    {
        var known = new HashSet<string>(briefs.Length * 2 + pages.Length, StringComparer.Ordinal);
        known.UnionWith(ReservedPaths);
        known.UnionWith(briefs.Select(b => b.Path));
        known.UnionWith(briefs.Select(b => ArchivePaths.Year(b.Date.Year)));
        known.UnionWith(ArchivePaths.MonthPages(briefs));
        known.UnionWith(pages.Select(p => p.Path));
        foreach (var taxonomy in taxonomies.Values) known.UnionWith(taxonomy.ByName.Select(t => t.Path));
        // Documents that failed to load are reported at their own errors; links to them are not reported again.
        foreach (var document in loaded.Failed) known.Add(places[document.RelativePath].Path ?? Pending(document.RelativePath));
        return new ReadOnlySet<string>(known);
    }

    /// <summary>The paths of drafts and future briefs, with why they are not published, for link messages.</summary>
    private static ImmutableDictionary<string, string> Unpublished(
        LoadedSite loaded, Dictionary<string, DocumentPlace> places, AssemblyOptions options)
    {
        var unpublished = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var document in loaded.Documents)
        {
            if (IsPublished(document, options) || places[document.RelativePath].Path is not { } path) continue;
            var why = document.Draft
                ? $"the draft {document.RelativePath} (drafts are published only with --drafts, or once 'draft: false')"
                : string.Create(CultureInfo.InvariantCulture,
                    $"{document.RelativePath}, dated {document.Date:yyyy-MM-dd}, after the build's date (future briefs are published only with --future)");
            unpublished.TryAdd(path, why);
        }
        return unpublished.ToImmutable();
    }
}
