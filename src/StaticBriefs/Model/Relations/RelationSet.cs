using System.Collections.Frozen;
using System.Collections.Immutable;

namespace StaticBriefs.Model.Relations;

/// <summary>
/// Every relation of the site, sorted once (oldest first, then subject, verb, object) and indexed by entity and by
/// brief, so pages and JSON files never sort or search.
/// </summary>
public sealed class RelationSet
{
    private static readonly FrozenDictionary<(TaxonomyKind, TermKey), ImmutableArray<Relation>> NoIndex =
        FrozenDictionary<(TaxonomyKind, TermKey), ImmutableArray<Relation>>.Empty;

    private readonly FrozenDictionary<(TaxonomyKind, TermKey), ImmutableArray<Relation>> _bySubject;
    private readonly FrozenDictionary<(TaxonomyKind, TermKey), ImmutableArray<Relation>> _byObject;
    private readonly FrozenDictionary<int, ImmutableArray<Relation>> _byBrief;

    /// <summary>A site without relations.</summary>
    public static readonly RelationSet Empty = new([]);

    /// <summary>Sorts and indexes <paramref name="relations"/>.</summary>
    public RelationSet(IEnumerable<Relation> relations)
    {
        All = [.. relations.Order(Chronological.Instance)];
        _bySubject = All.Length == 0 ? NoIndex : Index(All, r => r.Subject);
        _byObject = All.Length == 0 ? NoIndex : Index(All, r => r.Object);
        _byBrief = All.Where(r => r.BriefId is not null).GroupBy(r => r.BriefId!.Value)
            .ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray());
    }

    /// <summary>Every relation, oldest first.</summary>
    public ImmutableArray<Relation> All { get; }

    /// <summary>Relations where the entity acts, oldest first.</summary>
    public ImmutableArray<Relation> AsSubject(TaxonomyKind kind, TermKey key) => _bySubject.GetValueOrDefault((kind, key), []);

    /// <summary>Relations where the entity is acted on, oldest first.</summary>
    public ImmutableArray<Relation> AsObject(TaxonomyKind kind, TermKey key) => _byObject.GetValueOrDefault((kind, key), []);

    /// <summary>Relations a brief reports, oldest first.</summary>
    public ImmutableArray<Relation> OfBrief(int briefId) => _byBrief.GetValueOrDefault(briefId, []);

    private static FrozenDictionary<(TaxonomyKind, TermKey), ImmutableArray<Relation>> Index(
        ImmutableArray<Relation> all, Func<Relation, RelationEnd> side) =>
        all.Where(r => side(r).Kind is not null)
            .GroupBy(r => (side(r).Kind!.Value, side(r).Key))
            .ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray());

    /// <summary>On one day a departure comes before a join, so "leaves OpenAI, joins Anthropic" reads as a move.</summary>
    private static int Rank(RelationVerb verb) => verb == RelationVerb.Leaves ? -1 : (int)verb;

    /// <summary>Date, then subject, verb (departures first), object, role and file: a total order, so output bytes never depend on input order.</summary>
    private sealed class Chronological : IComparer<Relation>
    {
        public static readonly Chronological Instance = new();

        public int Compare(Relation? x, Relation? y)
        {
            if (ReferenceEquals(x, y)) return 0;
            if (x is null) return -1;
            if (y is null) return 1;
            var c = x.Date.CompareTo(y.Date);
            if (c == 0) c = string.CompareOrdinal(x.Subject.Key.Value, y.Subject.Key.Value);
            if (c == 0) c = Rank(x.Verb).CompareTo(Rank(y.Verb));
            if (c == 0) c = string.CompareOrdinal(x.Object.Key.Value, y.Object.Key.Value);
            if (c == 0) c = string.CompareOrdinal(x.Role, y.Role);
            if (c == 0) c = string.CompareOrdinal(x.File, y.File);
            if (c == 0) c = x.At.Line.CompareTo(y.At.Line);
            return c;
        }
    }
}
