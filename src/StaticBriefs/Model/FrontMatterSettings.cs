using System.Collections.Immutable;

namespace StaticBriefs.Model;

/// <summary>
/// How front matter written for other generators is read (<c>_site.yml</c>: <c>title_key</c>, <c>taxonomies</c>,
/// <c>ignore_terms</c>). The defaults read Jekyll, Hugo, Zola and Eleventy posts without any setting.
/// </summary>
public sealed record FrontMatterSettings
{
    /// <summary>
    /// Keys that become terms by default: Jekyll's and Hugo's <c>tags</c>, <c>categories</c> (and Jekyll's single
    /// <c>category</c>), <c>keywords</c>, and the same names inside Zola's <c>[taxonomies]</c> table: all topics.
    /// </summary>
    public static readonly ImmutableDictionary<string, TaxonomyKind?> DefaultTaxonomies = ImmutableDictionary.CreateRange(StringComparer.Ordinal,
    [
        KeyValuePair.Create("tags", (TaxonomyKind?)TaxonomyKind.Topics),
        KeyValuePair.Create("categories", (TaxonomyKind?)TaxonomyKind.Topics),
        KeyValuePair.Create("category", (TaxonomyKind?)TaxonomyKind.Topics),
        KeyValuePair.Create("keywords", (TaxonomyKind?)TaxonomyKind.Topics),
        KeyValuePair.Create("taxonomies.tags", (TaxonomyKind?)TaxonomyKind.Topics),
        KeyValuePair.Create("taxonomies.categories", (TaxonomyKind?)TaxonomyKind.Topics),
    ]);

    /// <summary>
    /// Eleventy's collection names, which its starter blog (eleventy-base-blog) also leaves out of tag lists: a tag
    /// that names a collection (<c>tags: [posts]</c>) is not a topic.
    /// </summary>
    public static readonly ImmutableArray<string> DefaultIgnoredTerms = ["all", "nav", "post", "posts"];

    /// <summary>Keys to take the title from when a document has no <c>title</c> (<c>title_key: newstitle</c>).</summary>
    public ImmutableArray<string> TitleKeys { get; init; } = [];

    /// <summary>
    /// Front matter keys (dotted for nested ones: <c>extra.team</c>) whose values become companies, people or topics;
    /// null means the key is read as no terms at all. The defaults plus what <c>_site.yml</c> adds or overrides.
    /// </summary>
    public ImmutableDictionary<string, TaxonomyKind?> Taxonomies { get; init; } = DefaultTaxonomies;

    /// <summary>Terms (compared ignoring case) that keys other than companies, people and topics never make.</summary>
    public ImmutableArray<string> IgnoredTerms { get; init; } = DefaultIgnoredTerms;

    /// <summary>A stable text of every setting, so cached documents read with other settings are read again.</summary>
    public string Fingerprint() =>
        string.Join('\n',
            "title:" + string.Join(',', TitleKeys),
            "taxonomies:" + string.Join(',', Taxonomies.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + (p.Value?.ToString() ?? "none"))),
            "ignore:" + string.Join(',', IgnoredTerms));
}
