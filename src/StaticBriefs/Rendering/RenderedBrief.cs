namespace StaticBriefs.Rendering;

/// <summary>What the brief pass keeps of a brief for later stages: only briefs some feed shows keep their HTML.</summary>
/// <param name="Id">The brief's id.</param>
/// <param name="ContentHtml">Body HTML for feed entries, or null when no feed shows the brief.</param>
/// <param name="WordCount">Words in the body.</param>
public sealed record RenderedBrief(int Id, string? ContentHtml, int WordCount)
{
    private readonly Lazy<string>? _later;
    private readonly byte[]? _utf8;
    private readonly string? _html = ContentHtml;

    private RenderedBrief(int id, Lazy<string> later, int wordCount) : this(id, (string?)null, wordCount) => _later = later;

    private RenderedBrief(int id, byte[] utf8, int wordCount) : this(id, (string?)null, wordCount) => _utf8 = utf8;

    /// <summary>
    /// A brief whose HTML is kept as UTF-8 until a feed reads it (decoded for each read): a build without the cache
    /// keeps the HTML of every brief some feed shows (7,700 of 10,000 generated briefs) until the feeds are written, at
    /// the end, where its peak memory is; as UTF-8 that HTML takes half the memory.
    /// </summary>
    public static RenderedBrief Compact(int id, string contentHtml, int wordCount, bool linksAbsolute) =>
        new(id, System.Text.Encoding.UTF8.GetBytes(contentHtml), wordCount) { LinksAbsolute = linksAbsolute };

    /// <summary>
    /// A brief whose HTML is made when a feed first reads it: a cached build puts back the HTML of every brief some feed
    /// shows (thousands, for the entities' feeds), and the feeds an edit rewrites read a few of them.
    /// </summary>
    public static RenderedBrief Later(int id, Func<string> contentHtml, int wordCount, bool linksAbsolute = false) =>
        new(id, new Lazy<string>(contentHtml, LazyThreadSafetyMode.ExecutionAndPublication), wordCount) { LinksAbsolute = linksAbsolute };

    /// <summary>Body HTML for feed entries, or null when no feed shows the brief.</summary>
    public string? ContentHtml
    {
        get => _later is { } later ? later.Value : _utf8 is { } utf8 ? System.Text.Encoding.UTF8.GetString(utf8) : _html;
        init => _html = value;
    }

    /// <summary>
    /// True when <see cref="ContentHtml"/>'s links are absolute already (<see cref="Feeds.FeedHtml.Absolute"/>), as feeds
    /// show them: made so once, rather than in each of the feeds that show the brief. Where the body's HTML is kept
    /// anyway (a build with the cache, preview) the brief keeps that same string, and feeds make it absolute as they read it.
    /// </summary>
    public bool LinksAbsolute { get; init; }

    /// <summary>True when the brief has HTML for feeds, without making HTML that is made when first read.</summary>
    public bool HasContent => _later is not null || _utf8 is not null || _html is not null;

    /// <summary>Bytes the brief holds for its HTML until a feed reads it (0 for HTML made when first read).</summary>
    internal long HeldBytes => _utf8?.Length ?? (_html is null ? 0 : 2L * _html.Length);
}
