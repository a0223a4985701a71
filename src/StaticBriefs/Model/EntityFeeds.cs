namespace StaticBriefs.Model;

/// <summary>
/// What each company, person and topic's own feeds carry (<c>feeds: { entities: ... }</c>). The site's feeds always
/// carry whole briefs.
/// </summary>
public enum EntityFeeds
{
    /// <summary>An Atom feed and a JSON Feed of the newest briefs naming the entity, each brief whole (the default).</summary>
    Full,

    /// <summary>The same two feeds with each brief's title, summary and link only, as Hugo's term feeds carry them.</summary>
    Summary,

    /// <summary>No feeds for entities (as Jekyll and Zola do unless asked); their pages do not offer one.</summary>
    None,
}
