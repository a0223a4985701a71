using System.Collections.Immutable;
using StaticBriefs.Diagnostics;
using StaticBriefs.Model.Relations;

namespace StaticBriefs.Model;

/// <summary>One published brief as the model stage makes it: its tags resolved to keys, its relations, its unknown tags.</summary>
/// <param name="Brief">The brief, with its id.</param>
/// <param name="Relations">Its relations (each names the brief's id).</param>
/// <param name="Unknown">Its tags that name no known entity, in the order written.</param>
/// <param name="Diagnostics">What resolving it reported (kept so a remembered resolution reports it again).</param>
internal sealed record BriefResolution(
    Brief Brief, ImmutableArray<Relation> Relations, ImmutableArray<UnknownTag> Unknown, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Resolves one brief's tags and relations through the catalog.</summary>
    public static BriefResolution Resolve(SourceDocument source, DocumentPlace place, int id, EntityCatalog catalog, bool keepDiagnostics, DiagnosticBag diagnostics)
    {
        // Kept apart when they are remembered, so a later assembly can report them without resolving again.
        var own = keepDiagnostics ? new DiagnosticBag() : diagnostics;
        var relations = RelationResolver.ForBrief(source, id, catalog, own);
        List<UnknownTag>? unknown = null;
        var brief = new Brief
        {
            Id = id,
            Source = source,
            Slug = place.Slug,
            // A loaded brief has a date, and a bad permalink of its own fell back to the pattern: the path is there.
            Path = place.Path!,
            Date = source.Date!.Value,
            Companies = RelationResolver.WithEnds(Keys(source.Companies, TaxonomyKind.Companies, catalog, ref unknown), relations, TaxonomyKind.Companies),
            People = RelationResolver.WithEnds(Keys(source.People, TaxonomyKind.People, catalog, ref unknown), relations, TaxonomyKind.People),
            Topics = RelationResolver.WithEnds(Keys(source.Topics, TaxonomyKind.Topics, catalog, ref unknown), relations, TaxonomyKind.Topics),
        };
        IReadOnlyList<Diagnostic> found = [];
        if (keepDiagnostics)
        {
            found = own.Sorted();
            foreach (var diagnostic in found) diagnostics.Add(diagnostic);
        }
        return new BriefResolution(brief, relations, unknown is null ? [] : [.. unknown], found);
    }

    /// <summary>The same resolution for the brief at another id or place (its tags and relations do not depend on them).</summary>
    public BriefResolution At(int id, DocumentPlace place)
    {
        if (id == Brief.Id && place.Slug == Brief.Slug && place.Path == Brief.Path) return this;
        return this with
        {
            Brief = Brief with { Id = id, Slug = place.Slug, Path = place.Path! },
            Relations = id == Brief.Id || Relations.IsDefaultOrEmpty ? Relations : [.. Relations.Select(r => r with { BriefId = id })],
        };
    }

    /// <summary>The keys of a brief's tags of one kind, first mention first, each once; unknown names are noted.</summary>
    private static ImmutableArray<TermKey> Keys(ImmutableArray<TagMention> mentions, TaxonomyKind kind, EntityCatalog catalog, ref List<UnknownTag>? unknown)
    {
        if (mentions.IsDefaultOrEmpty) return [];
        var keys = ImmutableArray.CreateBuilder<TermKey>(mentions.Length);
        foreach (var mention in mentions)
        {
            // Each tag is folded once per assembly: the checks and the taxonomy read the unknown ones from here.
            var key = catalog.Resolve(kind, mention.Name, out var known);
            if (!known) (unknown ??= []).Add(new UnknownTag(kind, key, mention));
            // A brief has a handful of tags: a scan beats a hash set made for each brief.
            if (!keys.Contains(key)) keys.Add(key);
        }
        return keys.Count == keys.Capacity ? keys.MoveToImmutable() : keys.ToImmutable();
    }
}
