using System.Collections.Immutable;
using StaticBriefs.Diagnostics;

namespace StaticBriefs.Model;

/// <summary>
/// What one assembly decided document by document, kept by preview so that the assembly after an edit decides again
/// only for the documents that changed. A document's place depends on nothing but the document and the site's settings;
/// a brief's resolved tags and relations on nothing but the document and the entity catalog. Entries are found by the
/// document object itself (preview keeps every unchanged document as the very same object), so an edited file, whose
/// document is a new object, can never be answered from an old entry. Read-only once made.
/// </summary>
internal sealed class AssemblyMemo
{
    private readonly SiteSettings? _settings;
    private readonly Dictionary<SourceDocument, (DocumentPlace Place, IReadOnlyList<Diagnostic> Diagnostics)> _places;
    private readonly EntityCatalog? _catalog;
    private readonly Dictionary<SourceDocument, BriefResolution> _briefs;

    private AssemblyMemo(
        SiteSettings? settings, Dictionary<SourceDocument, (DocumentPlace, IReadOnlyList<Diagnostic>)> places,
        EntityCatalog? catalog, Dictionary<SourceDocument, BriefResolution> briefs)
    {
        _settings = settings;
        _places = places;
        _catalog = catalog;
        _briefs = briefs;
    }

    /// <summary>A memo that knows nothing yet: an assembly given it remembers what it decides.</summary>
    public static AssemblyMemo Empty { get; } = new(null, new(ReferenceEqualityComparer.Instance), null, new(ReferenceEqualityComparer.Instance));

    /// <summary>The remembered catalog when the entity data is the very same, else a new one.</summary>
    public EntityCatalog CatalogFor(ImmutableArray<EntityDefinition> entities) =>
        _catalog is { } catalog && catalog.Entities == entities ? catalog : new EntityCatalog(entities);

    /// <summary>The remembered place of this very document under these very settings.</summary>
    public bool TryPlace(SourceDocument document, SiteSettings settings, out DocumentPlace place, out IReadOnlyList<Diagnostic> diagnostics)
    {
        if (ReferenceEquals(settings, _settings) && _places.TryGetValue(document, out var found))
        {
            (place, diagnostics) = found;
            return true;
        }
        (place, diagnostics) = (default, []);
        return false;
    }

    /// <summary>The remembered resolution of this very document through this very catalog, at its id and place now.</summary>
    public BriefResolution? Brief(SourceDocument document, EntityCatalog catalog, int id, DocumentPlace place) =>
        ReferenceEquals(catalog, _catalog) && _briefs.TryGetValue(document, out var found) ? found.At(id, place) : null;

    /// <summary>A memo of one assembly's decisions (the arrays are by document and by brief id).</summary>
    public static AssemblyMemo Of(
        SiteSettings settings, IReadOnlyList<SourceDocument> documents, (DocumentPlace, IReadOnlyList<Diagnostic>)[] places,
        EntityCatalog catalog, BriefResolution[] briefs)
    {
        var byDocument = new Dictionary<SourceDocument, (DocumentPlace, IReadOnlyList<Diagnostic>)>(documents.Count, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < documents.Count; i++) byDocument[documents[i]] = places[i];
        var resolved = new Dictionary<SourceDocument, BriefResolution>(briefs.Length, ReferenceEqualityComparer.Instance);
        foreach (var brief in briefs) resolved[brief.Brief.Source] = brief;
        return new AssemblyMemo(settings, byDocument, catalog, resolved);
    }
}
