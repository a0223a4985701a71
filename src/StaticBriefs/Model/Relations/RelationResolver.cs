using System.Collections.Immutable;
using StaticBriefs.Diagnostics;
using StaticBriefs.Text;

namespace StaticBriefs.Model.Relations;

/// <summary>
/// Resolves what briefs and data files say about entities into <see cref="Relation"/>s: names through the entity data
/// and aliases (or the brief's own tags), every unknown name or impossible pair reported where it is written.
/// </summary>
public static class RelationResolver
{
    /// <summary>The relations of one published brief; entries that do not resolve are reported and left out.</summary>
    public static ImmutableArray<Relation> ForBrief(SourceDocument source, int briefId, EntityCatalog catalog, DiagnosticBag diagnostics)
    {
        if (source.Relations.IsDefaultOrEmpty) return [];
        var result = ImmutableArray.CreateBuilder<Relation>(source.Relations.Length);
        foreach (var mention in source.Relations)
        {
            var lookup = new Lookup(catalog, source);
            var subject = lookup.End(mention.Subject, mention.Verb, isSubject: true, source.RelativePath, mention.SubjectAt, diagnostics);
            var obj = lookup.End(mention.Object, mention.Verb, isSubject: false, source.RelativePath, mention.ObjectAt, diagnostics);
            if (subject is null || obj is null) continue;
            result.Add(new Relation
            {
                Subject = subject,
                Verb = mention.Verb,
                Object = obj,
                Role = mention.Role,
                Date = mention.Date ?? source.Date!.Value,
                BriefId = briefId,
                File = source.RelativePath,
                At = mention.At,
            });
        }
        return result.ToImmutable();
    }

    /// <summary>Dated <c>current</c>/<c>past</c> entries of people in <c>_data/people.yml</c>: a join at <c>from</c>, a leave at <c>to</c>.</summary>
    public static ImmutableArray<Relation> FromAffiliations(EntityCatalog catalog, DiagnosticBag diagnostics)
    {
        var result = ImmutableArray.CreateBuilder<Relation>();
        foreach (var person in catalog.Entities.Where(e => e.Kind == TaxonomyKind.People))
        {
            foreach (var affiliation in person.Affiliations.Where(a => a.From is not null || a.To is not null))
            {
                var company = catalog.Find(TaxonomyKind.Companies, affiliation.Company);
                if (company is null)
                {
                    var hint = catalog.Suggest(TaxonomyKind.Companies, affiliation.Company);
                    diagnostics.Error(person.File, affiliation.At.Line, DiagnosticCodes.UnknownRelationName,
                        $"company '{affiliation.Company}' of {person.Name} is not in _data/companies.yml; "
                        + (hint is null ? "add it there so the dated move can be shown" : $"did you mean '{hint}'?"),
                        affiliation.At.Column);
                    continue;
                }
                var subject = new RelationEnd(TaxonomyKind.People, TermKey.From(person.Name), person.Name);
                var obj = new RelationEnd(TaxonomyKind.Companies, TermKey.From(company.Name), company.Name);
                if (affiliation.From is { } from)
                    result.Add(Affiliated(subject, RelationVerb.Joins, obj, affiliation, from, person.File));
                if (affiliation.To is { } to)
                    result.Add(Affiliated(subject, RelationVerb.Leaves, obj, affiliation, to, person.File));
            }
        }
        return result.ToImmutable();
    }

    /// <summary>The keys of <paramref name="kind"/> a brief names, with the entities its relations name added after them.</summary>
    public static ImmutableArray<TermKey> WithEnds(ImmutableArray<TermKey> keys, ImmutableArray<Relation> relations, TaxonomyKind kind)
    {
        if (relations.IsDefaultOrEmpty) return keys;
        var added = relations.SelectMany(r => new[] { r.Subject, r.Object })
            .Where(end => end.Kind == kind)
            .Select(end => end.Key)
            .Where(key => !keys.Contains(key))
            .Distinct()
            .ToList();
        return added.Count == 0 ? keys : keys.AddRange(added);
    }

    private static Relation Affiliated(RelationEnd subject, RelationVerb verb, RelationEnd obj, Affiliation affiliation, DateTimeOffset date, string file) =>
        new() { Subject = subject, Verb = verb, Object = obj, Role = affiliation.Role, Date = date, File = file, At = affiliation.At };

    /// <summary>Name lookup for one brief: the entity data first, then the brief's own tags.</summary>
    private sealed class Lookup(EntityCatalog catalog, SourceDocument source)
    {
        public RelationEnd? End(string name, RelationVerb verb, bool isSubject, string file, SourcePosition at, DiagnosticBag diagnostics)
        {
            var allowed = isSubject ? verb.SubjectKinds() : verb.ObjectKinds();
            foreach (var kind in allowed)
            {
                if (Find(kind, name) is { } end) return end;
            }
            var role = isSubject ? "subject" : "object";
            foreach (var kind in TaxonomyKinds.All.Except(allowed))
            {
                if (Find(kind, name) is not { } other) continue;
                diagnostics.Error(file, at.Line, DiagnosticCodes.ImpossibleRelation,
                    $"'{other.Name}' is a {kind.Singular()}, but the {role} of '{verb.Text()}' must be {KindList(allowed)}; "
                    + "swap subject and object or choose another verb", at.Column);
                return null;
            }
            if (!isSubject && verb.ObjectMayBeText()) return new RelationEnd(null, TermKey.From(name), name);
            var candidates = allowed.SelectMany(k => catalog.Entities.Where(e => e.Kind == k).SelectMany(e => e.Aliases.Prepend(e.Name)))
                .Concat(allowed.SelectMany(k => source.TagsOf(k).Select(t => t.Name)));
            var hint = KeySuggester.Closest(name, candidates);
            var files = string.Join(" or ", allowed.Select(k => $"_data/{k.Key()}.yml"));
            diagnostics.Error(file, at.Line, DiagnosticCodes.UnknownRelationName,
                $"'{name}' in this relation is not a known {string.Join(" or ", allowed.Select(k => k.Singular()))}; "
                + (hint is null ? $"add it to {files} or to the brief's {allowed[0].Key()}" : $"did you mean '{hint}'?"),
                at.Column);
            return null;
        }

        private RelationEnd? Find(TaxonomyKind kind, string name)
        {
            if (catalog.Find(kind, name) is { } entity) return new RelationEnd(kind, TermKey.From(entity.Name), entity.Name);
            var key = TermKey.From(name);
            foreach (var tag in source.TagsOf(kind))
            {
                if (catalog.Resolve(kind, tag.Name) == key) return new RelationEnd(kind, key, tag.Name);
            }
            return null;
        }

        private static string KindList(ImmutableArray<TaxonomyKind> kinds) =>
            string.Join(" or ", kinds.Select(k => "a " + k.Singular()));
    }
}
