using StaticBriefs.Building;
using StaticBriefs.Diagnostics;
using StaticBriefs.Model;
using StaticBriefs.Output;
using StaticBriefs.Rendering;
using StaticBriefs.Rendering.Html;
using StaticBriefs.Rendering.Markdown;
using StaticBriefs.Rendering.Markdown.EntityLinks;
using StaticBriefs.Rendering.Theme;
using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Incremental;

/// <summary>
/// Preview's memory between builds. After a full build it holds the build's <see cref="LiveState"/>; when the
/// next change edits, adds, renames or deletes briefs or edits the entity data, <see cref="TryRebuild"/> assembles the
/// new model from memory, compares it with the old one (<see cref="EditPlanner"/>) and renders just the pages whose
/// inputs changed, instead of looking at every page of the site. Anything else (settings, theme, static files, pages,
/// errors) returns null and the caller runs the full (cached) build, which captures a fresh state. Either way the
/// output folder ends up byte for byte what a clean build makes.
/// </summary>
public sealed class LiveSession : IDisposable
{
    private LiveState? _state;

    /// <summary>Builds since the session started that took the fast path.</summary>
    public int PartialBuilds { get; private set; }

    internal void Capture(LiveState state)
    {
        _state?.Dispose();
        _state = state;
    }

    /// <summary>
    /// Drops the state before a full build, handing over what that build can still use: a search builder that
    /// remembers every document's tokens. Without a state (the first build), one that starts remembering.
    /// </summary>
    internal Search.SearchIndexBuilder ReleaseForFullBuild()
    {
        var search = _state?.Search;
        Forget();
        return search is null ? Search.SearchIndexBuilder.Remembering() : Search.SearchIndexBuilder.ContinueFrom(search);
    }

    /// <summary>Drops the state, so the next build is a full one.</summary>
    internal void Forget()
    {
        _state?.Dispose();
        _state = null;
    }

    /// <inheritdoc/>
    public void Dispose() => Forget();

    /// <summary>The partial rebuild, or null when the changes need a full build.</summary>
    internal BuildResult? TryRebuild(BuildOptions options, string context, OutputFolder output)
    {
        var cache = options.Cache;
        if (_state is not { } state || cache is null || !cache.TryPeekChanges(out var changedPaths) || changedPaths.Length == 0)
            return null;
        var outputDirectory = Path.GetFullPath(options.OutputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var previous = cache.Manifest(outputDirectory);
        if (previous is null || previous.Context != context || !Directory.Exists(outputDirectory)) return null;
        var clock = new StageClock();
        if (clock.Time("load", () => SiteEdits.Find(state, options.InputDirectory, changedPaths)) is not { } edit) return null;

        if (PlanEdit(state, edit, options, output, clock) is not { } planned) return null;

        // From here the changes are this build's: record the documents as a full load would have.
        Record(cache, edit);
        cache.ChangesConsumed();
        try
        {
            var rebuild = new PartialRebuild(options, context, output, outputDirectory, previous, clock);
            var result = rebuild.Run(state, edit, planned, out var next);
            if (next is null)
            {
                // The state no longer matches the output; the next build starts again from the files.
                Forget();
                return result;
            }
            state.Views.Dispose();
            _state = next with { Assembly = planned.Assembly };
            PartialBuilds++;
            return result;
        }
        catch
        {
            // A file vanished mid-save or the disk failed: the state may not match the output any more, so the
            // next build starts again from the files (the cache already holds the edited documents).
            planned.Views.Dispose();
            Forget();
            throw;
        }
    }

    /// <summary>Records the edited documents in the cache, as a full load would have.</summary>
    internal static void Record(BuildCache cache, SiteEdit edit)
    {
        foreach (var (path, entry) in edit.Documents)
        {
            if (entry is null) cache.Documents.TryRemove(path, out _);
            else cache.Documents[path] = entry;
        }
    }

    /// <summary>
    /// The new model, its views, <c>site</c> view and body renderer, and the plan of what to render, for
    /// <paramref name="edit"/> of <paramref name="state"/>; null when the edit needs a full build. Preview and a cached
    /// build (<see cref="CachedRebuild"/>) both start their partial rebuild from it.
    /// </summary>
    internal static PlannedEdit? PlanEdit(LiveState state, SiteEdit edit, BuildOptions options, OutputFolder output, StageClock clock)
    {
        var modelDiagnostics = new DiagnosticBag();
        var contentOnly = edit.ContentOnly(state);
        SiteModel site;
        ViewFactory views;
        var assembly = state.Assembly;
        if (contentOnly is not null)
        {
            // Only content changed: the old model with the new sources is the new model, and views are shared.
            site = clock.Time("model", () => Patch(state.Site, edit, contentOnly));
            views = state.Views.WithChangedContent(site, contentOnly);
            foreach (var diagnostic in state.ModelDiagnostics) modelDiagnostics.Add(diagnostic);
        }
        else
        {
            site = clock.Time("model", () => SiteAssembler.Assemble(edit.Loaded,
                new AssemblyOptions(options.IncludeDrafts, options.IncludeFuture, options.Now, options.Strict), modelDiagnostics,
                state.Assembly ?? AssemblyMemo.Empty, out assembly));
            // Errors are the full build's to report, with every other problem of the site.
            if (modelDiagnostics.HasErrors) return null;
            views = new ViewFactory(site, state.Views, state.BriefIdsBySource);
        }
        var plan = clock.Time("plan", () => contentOnly is null
            ? PlanFor(state, site, views, edit, options, output)
            // Links, entity names and every page's site view are as they were: the renderer and site view stand.
            : EditPlanner.Plan(state.Site, state.Views, site, views, edit, state.Markdown, state.Rendered, state.BriefIdsBySource) is { } found
                ? (state.SiteView, state.Markdown, found)
                : ((SiteView SiteView, MarkdownRenderer Markdown, EditPlan Plan)?)null);
        if (plan is null)
        {
            views.Dispose();
            return null;
        }

        return new PlannedEdit(site, views, plan.Value.SiteView, plan.Value.Markdown, plan.Value.Plan, modelDiagnostics.Sorted(), assembly);
    }

    /// <summary>
    /// True when bodies link exactly as before: the same entities (so the same names to auto-link; a renamed one takes
    /// the full build anyway) and the same paths, sources, resources and redirects to resolve links against. The old
    /// body renderer and its memo then stand, and rebuilding the entity matcher is skipped.
    /// </summary>
    private static bool SameLinkTargets(SiteModel before, SiteModel after) =>
        TaxonomyKinds.All.All(kind => before[kind].ByName.Length == after[kind].ByName.Length
            && after[kind].ByName.All(t => before[kind].ByKey.ContainsKey(t.Key)))
        && before.KnownPaths.SetEquals(after.KnownPaths)
        && SameMap(before.PathsBySource, after.PathsBySource)
        && SameMap(before.Unpublished, after.Unpublished)
        && SameMap(before.Resources, after.Resources)
        && before.Redirects.SequenceEqual(after.Redirects)
        && before.StaticFiles.SequenceEqual(after.StaticFiles);

    private static bool SameMap(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var value) && value == pair.Value);

    /// <summary>A body renderer for the new site's links and entity names, as a full build makes one.</summary>
    private static MarkdownRenderer NewMarkdown(SiteModel site, ViewFactory views, LiveState state, BuildOptions options, OutputFolder output) =>
        new IncrementalSession(options, output).BodyRenderer(site, views.Urls.BasePath, state.Assets.Files, new Minifier(options.Minify),
            previousLinks: state.Markdown.Links);

    /// <summary>The old model with the edited briefs' sources swapped in; ids, slugs, dates and terms are as they were.</summary>
    private static SiteModel Patch(SiteModel site, SiteEdit edit, IReadOnlyList<int> ids)
    {
        var briefs = site.Briefs.ToBuilder();
        foreach (var id in ids) briefs[id] = briefs[id] with { Source = edit.Documents[briefs[id].Source.RelativePath]!.Document };
        return site with { Briefs = briefs.MoveToImmutable() };
    }

    /// <summary>
    /// True when the <c>site</c> objects differ only in the newest brief's year (the day's brief is the first of a new
    /// year, or the only brief of the newest year moved back or went) and no template of the theme reads
    /// <c>site.year</c>: no page shows the change, so the plan stands. A theme that prints the year takes the full build.
    /// </summary>
    private static bool OnlyUnreadYearMoved(LiveState state, SiteView siteView, ViewHasher hasher) =>
        siteView.Year != state.SiteView.Year
        && hasher.Hash(siteView with { Year = state.SiteView.Year }) == hasher.Hash(state.SiteView)
        && !ThemeReads.SiteMember(state.Templates.Layouts.Files, "year");

    /// <summary>
    /// The new site's <c>site</c> view, body renderer and plan; null when every page would change (the <c>site</c>
    /// object every page shows is not the same) or the planner cannot tell.
    /// </summary>
    private static (SiteView SiteView, MarkdownRenderer Markdown, EditPlan Plan)? PlanFor(
        LiveState state, SiteModel site, ViewFactory views, SiteEdit edit, BuildOptions options, OutputFolder output)
    {
        var siteView = SiteViews.Create(site, views.Urls, state.Assets);
        var hasher = new ViewHasher();
        if (hasher.Hash(siteView) != hasher.Hash(state.SiteView) && !OnlyUnreadYearMoved(state, siteView, hasher)) return null;
        var markdown = SameLinkTargets(state.Site, site) ? state.Markdown : NewMarkdown(site, views, state, options, output);
        return EditPlanner.Plan(state.Site, state.Views, site, views, edit, markdown, state.Rendered, state.BriefIdsBySource) is { } plan ? (siteView, markdown, plan) : null;
    }
}

/// <summary>What <see cref="LiveSession.PlanEdit"/> found: the new model and what to render of it.</summary>
internal sealed record PlannedEdit(
    SiteModel Site, ViewFactory Views, SiteView SiteView, MarkdownRenderer Markdown, EditPlan Plan,
    IReadOnlyList<Diagnostic> ModelDiagnostics, AssemblyMemo? Assembly);
