using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Rendering.Feeds;

/// <summary>
/// A relation an entry reports that involves the feed's entity ("Andrej Karpathy joins Anthropic"), as entity feeds
/// carry it: a line in the content, an Atom category, and an object in JSON Feed's <c>_staticbriefs</c> extension
/// shaped as in <c>/relations.json</c>.
/// </summary>
/// <param name="Subject">Who or what acts.</param>
/// <param name="Verb">The verb as written in front matter: "joins", "invests in".</param>
/// <param name="Object">Who or what is acted on.</param>
/// <param name="Role">A role or team, or null.</param>
/// <param name="Date">When it happened.</param>
public sealed record FeedRelation(FeedRelationEnd Subject, string Verb, FeedRelationEnd Object, string? Role, DateTimeOffset Date)
{
    /// <summary>The relation as a sentence: "Andrej Karpathy joins Anthropic (pre-training), 19 May 2026".</summary>
    public string Text => $"{Subject.Name} {Verb} {Object.Name}{(Role is null ? "" : $" ({Role})")}, {Dates.Text(Date)}";
}

/// <summary>One end of a <see cref="FeedRelation"/>.</summary>
/// <param name="Kind"><c>company</c>, <c>person</c>, <c>topic</c>, or <c>text</c> for plain words.</param>
/// <param name="Name">Display name.</param>
/// <param name="Url">Absolute URL of its page, or null when it has none.</param>
public sealed record FeedRelationEnd(string Kind, string Name, string? Url);
