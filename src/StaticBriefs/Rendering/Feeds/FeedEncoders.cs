namespace StaticBriefs.Rendering.Feeds;

/// <summary>
/// One worker's reusable writers for feeds: the buffer a feed's file is written into, the JSON writer a feed is
/// written with, and those that encode an entry on its own for Atom and JSON Feed. A renderer keeps a pool of them;
/// a feed's write takes one and puts it back, so no two threads share one and none is made (and grown to a feed's
/// 200 KiB) per feed.
/// </summary>
internal sealed class FeedEncoders
{
    private AtomFeedWriter.EntryEncoder? _atom;

    /// <summary>Where a feed file is written before it goes to the output.</summary>
    public MemoryStream Buffer { get; } = new(256 * 1024);

    /// <summary>The writer and buffer of a whole JSON Feed.</summary>
    public JsonFeedWriter.ItemEncoder JsonFeed { get; } = new();

    /// <summary>The writer and buffer of one JSON Feed item on its own.</summary>
    public JsonFeedWriter.ItemEncoder JsonItem { get; } = new();

    /// <summary>The writer of one Atom entry on its own, standing inside a <c>feed</c> element.</summary>
    public AtomFeedWriter.EntryEncoder Atom => _atom ??= new();

    /// <summary>Lets go of the Atom writer after it threw: an XmlWriter in error refuses everything after.</summary>
    public void DropAtom() => _atom = null;
}
