using System.Collections.Frozen;
using System.Collections.Immutable;
using StaticBriefs.Text;

namespace StaticBriefs.Model;

/// <summary>Known entities by kind, with every name and alias folded to the entity's canonical key.</summary>
public sealed class EntityCatalog
{
    private readonly FrozenDictionary<(TaxonomyKind, TermKey), (EntityDefinition Entity, TermKey Key)> _byName;
    private readonly bool[] _hasKind = new bool[TaxonomyKinds.All.Length];

    /// <summary>Builds the catalog; an alias claimed by two entities of one kind keeps the first.</summary>
    public EntityCatalog(ImmutableArray<EntityDefinition> entities)
    {
        var map = new Dictionary<(TaxonomyKind, TermKey), (EntityDefinition, TermKey)>();
        foreach (var entity in entities)
        {
            // The canonical key is kept with every name, so resolving a tag folds the tag once, not the entity's name again.
            var key = TermKey.From(entity.Name);
            map.TryAdd((entity.Kind, key), (entity, key));
            foreach (var alias in entity.Aliases) map.TryAdd((entity.Kind, TermKey.From(alias)), (entity, key));
            _hasKind[(int)entity.Kind] = true;
        }
        _byName = map.ToFrozenDictionary();
        Entities = entities;
    }

    /// <summary>All definitions.</summary>
    public ImmutableArray<EntityDefinition> Entities { get; }

    /// <summary>True when the data files define any entity of this kind (only then are unknown tags worth a warning).</summary>
    public bool HasAny(TaxonomyKind kind) => _hasKind[(int)kind];

    /// <summary>The entity a name or alias stands for, if known.</summary>
    public EntityDefinition? Find(TaxonomyKind kind, string name) =>
        _byName.TryGetValue((kind, TermKey.From(name)), out var found) ? found.Entity : null;

    /// <summary>The key a name resolves to, and whether the name is a known entity's (else the key is the name's own).</summary>
    public TermKey Resolve(TaxonomyKind kind, string name, out bool known)
    {
        var key = TermKey.From(name);
        known = _byName.TryGetValue((kind, key), out var found);
        return known ? found.Key : key;
    }

    /// <summary>The key a name resolves to: the entity's canonical key when the name is a known name or alias.</summary>
    public TermKey Resolve(TaxonomyKind kind, string name)
    {
        var key = TermKey.From(name);
        return _byName.TryGetValue((kind, key), out var found) ? found.Key : key;
    }

    /// <summary>The known name (or alias) closest to a name, for did-you-mean hints.</summary>
    public string? Suggest(TaxonomyKind kind, string name)
    {
        var candidates = Entities.Where(e => e.Kind == kind).SelectMany(e => e.Aliases.Prepend(e.Name));
        var match = KeySuggester.Closest(name, candidates);
        return match is null ? null : Find(kind, match)?.Name;
    }
}
