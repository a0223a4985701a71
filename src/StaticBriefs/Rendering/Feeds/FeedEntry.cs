namespace StaticBriefs.Rendering.Feeds;

/// <summary>One brief as feeds present it.</summary>
/// <param name="Title">Title (raw; the writers escape it).</param>
/// <param name="Permalink">Absolute URL.</param>
/// <param name="Published">Publication date.</param>
/// <param name="Updated">Last update, or the publication date.</param>
/// <param name="Summary">Summary (raw).</param>
/// <param name="ContentHtml">Body HTML, or null to publish the summary only.</param>
/// <param name="Author">Author name, may be empty.</param>
/// <param name="Categories">The companies, people and topics it names, each labelled by kind.</param>
public sealed record FeedEntry(
    string Title, string Permalink, DateTimeOffset Published, DateTimeOffset Updated,
    string Summary, string? ContentHtml, string Author, IReadOnlyList<FeedCategory> Categories) : Views.ISharedView
{
    /// <summary>The relations it reports that involve the feed's entity (entity feeds only), oldest first.</summary>
    public IReadOnlyList<FeedRelation> Relations { get; init; } = [];

    /// <summary>Entity names, for JSON Feed's <c>tags</c>.</summary>
    public IReadOnlyList<string> Tags => [.. Categories.Select(c => c.Label)];
}

/// <summary>An entity a brief names, as a feed category.</summary>
/// <param name="Term">Its slug, e.g. <c>openai</c> (Atom's <c>term</c>).</param>
/// <param name="Label">Its name, e.g. "OpenAI".</param>
/// <param name="Kind">companies, people or topics.</param>
/// <param name="Scheme">Absolute URL of the kind's index page, e.g. <c>https://example.org/companies/</c>: Atom's <c>scheme</c>.</param>
public sealed record FeedCategory(string Term, string Label, string Kind, string Scheme);

/// <summary>A feed: site-wide or one entity's.</summary>
/// <param name="Title">Feed title.</param>
/// <param name="Description">Feed subtitle.</param>
/// <param name="HomeUrl">Absolute URL of the page the feed follows.</param>
/// <param name="AtomUrl">Absolute URL of the Atom feed.</param>
/// <param name="JsonUrl">Absolute URL of the JSON Feed.</param>
/// <param name="Author">Feed-level author (Atom requires one).</param>
/// <param name="Language">Language tag.</param>
/// <param name="Entries">Newest first.</param>
public sealed record FeedSpec(
    string Title, string Description, string HomeUrl, string AtomUrl, string JsonUrl, string Author, string Language,
    IReadOnlyList<FeedEntry> Entries);
