using System.Collections.Immutable;
using StaticBriefs.Diagnostics;

namespace StaticBriefs.Model;

/// <summary>Reports tags that match no known entity and terms used as two kinds of entity.</summary>
public static class EntityChecks
{
    /// <summary>
    /// Adds the warnings (errors when strict) for the whole brief set; <paramref name="unknown"/> holds each brief's tags
    /// no entity has, by brief id.
    /// </summary>
    public static void Report(ImmutableArray<Brief> briefs, IReadOnlyList<ImmutableArray<UnknownTag>> unknown,
        ImmutableDictionary<TaxonomyKind, Taxonomy> taxonomies, EntityCatalog catalog, bool strict, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(unknown);
        var severity = strict ? Severity.Error : Severity.Warning;
        foreach (var brief in briefs)
        {
            foreach (var (kind, _, mention) in unknown[brief.Id])
            {
                if (!catalog.HasAny(kind)) continue;
                var hint = catalog.Suggest(kind, mention.Name);
                var advice = hint is null
                    ? $"add it to _data/{kind.Key()}.yml if it is right"
                    : $"did you mean '{hint}'? (or add it to _data/{kind.Key()}.yml)";
                diagnostics.Add(new Diagnostic(severity, brief.Source.RelativePath, mention.Line, mention.Column, DiagnosticCodes.UnknownEntity,
                    $"{kind.Singular()} '{mention.Name}' is not in _data/{kind.Key()}.yml; {advice}"));
            }
        }

        // One identity used as two kinds splits its briefs across two pages: say so rather than split silently.
        var kindsByKey = new Dictionary<TermKey, List<TaxonomyKind>>();
        foreach (var (kind, taxonomy) in taxonomies.OrderBy(t => t.Key))
        {
            foreach (var key in taxonomy.ByKey.Keys)
            {
                if (!kindsByKey.TryGetValue(key, out var kinds)) kindsByKey[key] = kinds = [];
                kinds.Add(kind);
            }
        }
        foreach (var (key, kinds) in kindsByKey.Where(k => k.Value.Count > 1).OrderBy(k => k.Key.Value, StringComparer.Ordinal))
        {
            var first = taxonomies[kinds[0]].ByKey[key];
            var brief = briefs[first.BriefIds[^1]];
            var kindList = string.Join(" and ", kinds.Select(k => k.Singular()));
            diagnostics.Warning(brief.Source.RelativePath, 0, DiagnosticCodes.TermKindClash,
                $"'{first.Name}' is used as a {kindList} in different briefs, so it has two pages; use one kind everywhere");
        }
    }
}
