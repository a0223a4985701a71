using System.Collections.Immutable;

namespace StaticBriefs.Model.Relations;

/// <summary>A person's time at one company: the relation that started it and the one that ended it, when known.</summary>
/// <param name="Company">The company.</param>
/// <param name="Start">The join or founding, or null when only the departure is known.</param>
/// <param name="End">The departure, or null while it lasts.</param>
public sealed record Stint(RelationEnd Company, Relation? Start, Relation? End)
{
    /// <summary>The role given at the start (or at the end when the start is unknown).</summary>
    public string? Role => Start?.Role ?? End?.Role;
}

/// <summary>Turns a person's moves into stints: a join or founding opens one, a departure closes the latest open one there.</summary>
public static class CareerLine
{
    /// <summary>The stints of a person, in the order they started (relations must be oldest first, as <see cref="RelationSet"/> keeps them).</summary>
    public static ImmutableArray<Stint> Of(ImmutableArray<Relation> asSubject)
    {
        var stints = new List<Stint>();
        foreach (var relation in asSubject)
        {
            if (relation.Object.Kind != TaxonomyKind.Companies) continue;
            switch (relation.Verb)
            {
                case RelationVerb.Joins or RelationVerb.Founds:
                    // The same join reported twice (a brief and the data file) is one stint.
                    if (stints.Exists(s => s.Company.Key == relation.Object.Key && s.End is null && s.Start is { } start && start.Date == relation.Date))
                        break;
                    stints.Add(new Stint(relation.Object, relation, null));
                    break;
                case RelationVerb.Leaves:
                    var open = stints.FindLastIndex(s => s.Company.Key == relation.Object.Key && s.End is null);
                    if (open >= 0) stints[open] = stints[open] with { End = relation };
                    else if (!stints.Exists(s => s.Company.Key == relation.Object.Key && s.End is { } end && end.Date == relation.Date))
                        stints.Add(new Stint(relation.Object, null, relation));
                    break;
            }
        }
        return [.. stints];
    }

    /// <summary>Moves from one company to the next: consecutive stints at different companies.</summary>
    public static IEnumerable<(RelationEnd From, RelationEnd To, Relation Move)> Moves(ImmutableArray<Stint> stints)
    {
        for (var i = 1; i < stints.Length; i++)
        {
            var (previous, next) = (stints[i - 1], stints[i]);
            if (previous.Company.Key != next.Company.Key && next.Start is { } start) yield return (previous.Company, next.Company, start);
        }
    }
}
