using System.Collections.Immutable;
using StaticBriefs.Diagnostics;
using StaticBriefs.Loading.FrontMatter;
using StaticBriefs.Model;

namespace StaticBriefs.Loading.Conventions;

/// <summary>
/// The companies, people and topics a document names: its own <c>companies</c>, <c>people</c> and <c>topics</c>,
/// then every key <see cref="FrontMatterSettings.Taxonomies"/> maps to a kind (by default <c>tags</c>,
/// <c>categories</c>, <c>category</c> and <c>keywords</c> become topics), in the order the keys are written. Terms
/// from mapped keys that <see cref="FrontMatterSettings.IgnoredTerms"/> names are left out. Capped per kind
/// (<see cref="ContentCaps"/>), with a warning at the place.
/// </summary>
internal static class TaxonomyReader
{
    /// <summary>The terms of each kind.</summary>
    public static (ImmutableArray<TagMention> Companies, ImmutableArray<TagMention> People, ImmutableArray<TagMention> Topics) Read(
        FrontMatterFields fields, FrontMatterSettings settings)
    {
        var found = new Dictionary<TaxonomyKind, List<(LocatedText Item, string Key)>>
        {
            [TaxonomyKind.Companies] = [],
            [TaxonomyKind.People] = [],
            [TaxonomyKind.Topics] = [],
        };
        foreach (var kind in TaxonomyKinds.All)
        {
            var key = kind.Key();
            // A mapping in _site.yml may send a kind's own key elsewhere (or nowhere); otherwise it is that kind.
            if (settings.Taxonomies.ContainsKey(key)) continue;
            found[kind].AddRange(fields.Items(fields.Take(key), key).Select(item => (item, key)));
        }
        var mapped = settings.Taxonomies
            .Select(pair => (pair.Key, Kind: pair.Value, Entry: fields.Find(pair.Key)))
            .Where(m => m.Entry is not null)
            .OrderBy(m => m.Entry!.Line).ThenBy(m => m.Entry!.Column).ThenBy(m => m.Key, StringComparer.Ordinal)
            .ToList();
        foreach (var (key, kind, _) in mapped)
        {
            var items = fields.Items(fields.Take(key), key);
            if (kind is not { } target) continue;
            var ownKey = TaxonomyKinds.All.Any(k => k.Key() == key);
            found[target].AddRange(items
                .Where(item => ownKey || !settings.IgnoredTerms.Contains(item.Text, StringComparer.OrdinalIgnoreCase))
                .Select(item => (item, key)));
        }
        return (Capped(fields, TaxonomyKind.Companies, found[TaxonomyKind.Companies]),
            Capped(fields, TaxonomyKind.People, found[TaxonomyKind.People]),
            Capped(fields, TaxonomyKind.Topics, found[TaxonomyKind.Topics]));
    }

    /// <summary>At most <see cref="ContentCaps.TagsPerKind"/> terms, each at most <see cref="ContentCaps.TagLength"/> characters.</summary>
    private static ImmutableArray<TagMention> Capped(FrontMatterFields fields, TaxonomyKind kind, List<(LocatedText Item, string Key)> items)
    {
        var tags = ImmutableArray.CreateBuilder<TagMention>(Math.Min(items.Count, ContentCaps.TagsPerKind));
        foreach (var (item, key) in items.Take(ContentCaps.TagsPerKind))
        {
            var name = item.Text;
            if (name.Length > ContentCaps.TagLength)
            {
                fields.Warn(item.Line, item.Column, DiagnosticCodes.CapApplied,
                    $"this name in '{key}' is {name.Length:N0} characters; only the first {ContentCaps.TagLength} are used");
                name = name[..(char.IsHighSurrogate(name[ContentCaps.TagLength - 1]) ? ContentCaps.TagLength - 1 : ContentCaps.TagLength)].TrimEnd();
            }
            tags.Add(new TagMention(name, item.Line, item.Column));
        }
        var keys = string.Join("', '", items.Select(i => i.Key).Distinct());
        if (items.Count > ContentCaps.TagsPerKind)
        {
            var (item, _) = items[ContentCaps.TagsPerKind];
            fields.Warn(item.Line, item.Column, DiagnosticCodes.CapApplied,
                $"'{keys}' names {items.Count:N0} {kind.Key()}; only the first {ContentCaps.TagsPerKind} are used (each one makes a page), so this one and the rest are ignored");
        }
        else if (items.Count > ContentCaps.ChipsPerCard)
        {
            var first = fields.Find(items[0].Key)!.Value;
            fields.Warn(first.Line, first.Column, DiagnosticCodes.CapApplied,
                $"'{keys}' names {items.Count} {kind.Key()}; cards in listings show the first {ContentCaps.ChipsPerCard} (the brief's own page shows them all)");
        }
        return tags.ToImmutable();
    }
}
