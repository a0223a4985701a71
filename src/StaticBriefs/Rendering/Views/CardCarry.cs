using System.Collections.Immutable;
using StaticBriefs.Model;

namespace StaticBriefs.Rendering.Views;

/// <summary>
/// The cards of the site before an edit that moved briefs (preview's), with the briefs they were made for and those
/// briefs' ids by source file. A card the new site would make equal to one made then is that object, so the card HTML
/// the template runner keeps by object is found rather than rendered again (a brief added or dated anew moves hundreds
/// of listing pages' cards). Only the arrays are kept, not the earlier factory, so no chain of earlier sites is held.
/// </summary>
internal sealed class CardCarry(BriefCard?[] cards, ImmutableArray<Brief> briefs, IReadOnlyDictionary<string, int> ids)
{
    /// <summary>The card made before the edit for the document of <paramref name="brief"/>, and the brief it was made for.</summary>
    public (Brief Brief, BriefCard Card)? Earlier(Brief brief) =>
        ids.TryGetValue(brief.Source.RelativePath, out var old) && old < cards.Length && Volatile.Read(ref cards[old]) is { } card
            ? (briefs[old], card)
            : null;
}
