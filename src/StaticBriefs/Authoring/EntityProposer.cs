using System.Collections.Immutable;
using System.Globalization;
using StaticBriefs.Loading;
using StaticBriefs.Model;
using StaticBriefs.Rendering.Markdown.EntityLinks;

namespace StaticBriefs.Authoring;

/// <summary>The companies, people and topics of the site's data files that a text names, in order of first mention.</summary>
/// <param name="Companies">Company names, as the data files spell them.</param>
/// <param name="People">People names.</param>
/// <param name="Topics">Topic names.</param>
public sealed record EntityProposal(ImmutableArray<string> Companies, ImmutableArray<string> People, ImmutableArray<string> Topics);

/// <summary>
/// Finds known entities in text with the same whole-word <see cref="EntityMatcher"/> the auto-links use, so an
/// import proposes exactly the names a reader would see linked.
/// </summary>
public static class EntityProposer
{
    /// <summary>Proposes the entities of <paramref name="entities"/> that <paramref name="text"/> names.</summary>
    public static EntityProposal Propose(ImmutableArray<EntityDefinition> entities, string text)
    {
        // The matcher maps a spelling to a string; an entity's index stands in for a page path here.
        var spellings = new List<(string Spelling, string Path)>();
        for (var i = 0; i < entities.Length; i++)
        {
            var id = i.ToString(CultureInfo.InvariantCulture);
            foreach (var spelling in entities[i].Aliases.Prepend(entities[i].Name))
            {
                spellings.Add((spelling, id));
                // Names of companies and people are proper nouns and matched as written ("Meta", not "meta");
                // topics are ordinary words that prose writes in lower case ("pre-training", "talent").
                if (entities[i].Kind == TaxonomyKind.Topics)
                {
                    spellings.Add((spelling.ToLowerInvariant(), id));
                    spellings.Add((char.ToUpperInvariant(spelling[0]) + spelling[1..].ToLowerInvariant(), id));
                }
            }
        }
        var found = new List<EntityDefinition>();
        var seen = new HashSet<int>();
        foreach (var (_, _, path) in new EntityMatcher(spellings).Matches(text))
        {
            var index = int.Parse(path, CultureInfo.InvariantCulture);
            if (seen.Add(index)) found.Add(entities[index]);
        }
        return new EntityProposal(Of(found, TaxonomyKind.Companies), Of(found, TaxonomyKind.People), Of(found, TaxonomyKind.Topics));
    }

    private static ImmutableArray<string> Of(List<EntityDefinition> found, TaxonomyKind kind) =>
        [.. found.Where(e => e.Kind == kind).Select(e => e.Name)];
}
