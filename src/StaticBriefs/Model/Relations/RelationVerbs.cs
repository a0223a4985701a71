using System.Collections.Immutable;

namespace StaticBriefs.Model.Relations;

/// <summary>
/// The documented verbs with the kinds each side may be: the one table that decides which pairs make sense
/// ("a company joins a person" does not).
/// </summary>
public static class RelationVerbs
{
    /// <summary>Every verb as written in front matter, in documentation order.</summary>
    public static readonly ImmutableArray<string> Names = ["joins", "leaves", "founds", "invests in", "acquires", "partners with", "releases"];

    /// <summary>The verb written as <paramref name="text"/> (spaces and case folded), if it is one.</summary>
    public static RelationVerb? Parse(string text)
    {
        var folded = string.Join(' ', text.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var index = Names.IndexOf(folded);
        return index < 0 ? null : (RelationVerb)index;
    }

    /// <summary>The verb as written in front matter: "invests in".</summary>
    public static string Text(this RelationVerb verb) => Names[(int)verb];

    /// <summary>The verb in the past tense, for career lines and tables: "invested in".</summary>
    public static string Past(this RelationVerb verb) => verb switch
    {
        RelationVerb.Joins => "joined",
        RelationVerb.Leaves => "left",
        RelationVerb.Founds => "founded",
        RelationVerb.InvestsIn => "invested in",
        RelationVerb.Acquires => "acquired",
        RelationVerb.PartnersWith => "partnered with",
        _ => "released",
    };

    /// <summary>Kinds the subject may be.</summary>
    public static ImmutableArray<TaxonomyKind> SubjectKinds(this RelationVerb verb) => verb switch
    {
        RelationVerb.Joins or RelationVerb.Leaves => [TaxonomyKind.People],
        RelationVerb.Founds or RelationVerb.InvestsIn or RelationVerb.Releases => [TaxonomyKind.People, TaxonomyKind.Companies],
        _ => [TaxonomyKind.Companies],
    };

    /// <summary>Kinds the object may be; <see cref="ObjectMayBeText"/> says when it may also be plain words.</summary>
    public static ImmutableArray<TaxonomyKind> ObjectKinds(this RelationVerb verb) => verb switch
    {
        RelationVerb.Releases => [TaxonomyKind.Topics, TaxonomyKind.Companies],
        _ => [TaxonomyKind.Companies],
    };

    /// <summary>A release may name a model no data file describes ("releases: Claude 3").</summary>
    public static bool ObjectMayBeText(this RelationVerb verb) => verb == RelationVerb.Releases;

    /// <summary>True for the verbs that move a person between companies (career lines, arrivals, departures).</summary>
    public static bool IsMove(this RelationVerb verb) => verb is RelationVerb.Joins or RelationVerb.Leaves or RelationVerb.Founds;
}
