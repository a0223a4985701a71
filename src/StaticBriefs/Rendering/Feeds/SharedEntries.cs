namespace StaticBriefs.Rendering.Feeds;

/// <summary>
/// The entries of one render's feeds, each brief's made once and encoded once for Atom and once for JSON Feed: a
/// brief shows in the site feed and in each of its entities' feeds (2.7 feeds on average at 10,000 briefs), which
/// escaped its whole HTML again each time. Before any feed is written every feed counts the briefs it shows; an
/// entry, its bytes included, is dropped when the last feed showing it is written, so the render holds only the
/// briefs some feed has begun and another has yet to write (3,850 of 7,975 at 10,000 briefs, walking the entities in
/// order), not every entry to its end. A brief has two entries: whole, and without its body (summary entity feeds).
/// </summary>
internal sealed class SharedEntries(int briefs)
{
    private readonly SharedEntry?[] _slots = new SharedEntry?[2 * briefs];
    private int _live;
    private int _peak;

    /// <summary>Entries made and not yet dropped.</summary>
    public int Live => Volatile.Read(ref _live);

    /// <summary>The most entries held at once.</summary>
    public int Peak => Volatile.Read(ref _peak);

    /// <summary>
    /// One more feed will show the brief's entry; <paramref name="whole"/> when a feed will read its content after it
    /// is encoded (a feed's relations go in front of it, a cached build hashes it). Called from one thread, before any
    /// feed is written.
    /// </summary>
    public void Count(int briefId, bool summary, bool whole)
    {
        var slot = _slots[Index(briefId, summary)] ??= new SharedEntry();
        slot.Uses++;
        slot.KeepWhole |= whole;
    }

    /// <summary>The brief's entry, made by <paramref name="make"/> for the first feed that shows it.</summary>
    public SharedEntry Take(int briefId, bool summary, Func<FeedEntry> make)
    {
        var slot = _slots[Index(briefId, summary)] ?? throw new InvalidOperationException($"Brief {briefId} was not counted in a feed.");
        if (slot.Make(make))
        {
            var live = Interlocked.Increment(ref _live);
            for (var peak = _peak; live > peak && Interlocked.CompareExchange(ref _peak, live, peak) != peak; peak = _peak)
            {
            }
        }
        return slot;
    }

    /// <summary>A feed that showed the entry is written: the last one drops it.</summary>
    public void Release(SharedEntry slot)
    {
        if (slot.Release()) Interlocked.Decrement(ref _live);
    }

    private static int Index(int briefId, bool summary) => 2 * briefId + (summary ? 1 : 0);
}

/// <summary>A brief's entry while feeds still to be written show it, with its bytes as Atom and JSON Feed carry it.</summary>
internal sealed class SharedEntry
{
    private readonly Lock _gate = new();
    private int _counted;
    private FeedEntry? _entry;
    private byte[]? _atom;
    private byte[]? _json;
    private bool _lightened;

    /// <summary>Feeds still to write that show it (counted up before writing, down as each is written).</summary>
    internal int Uses;

    /// <summary>
    /// True when its content is read after it is encoded: otherwise, once encoded both ways, the entry keeps all but
    /// its content, which was half of what the render held (the body decoded as UTF-16).
    /// </summary>
    internal bool KeepWhole;

    /// <summary>
    /// The entry, only between the first <see cref="Make"/> and the last <see cref="Release"/>; once encoded both ways,
    /// without its content unless <see cref="KeepWhole"/> (feeds copy its bytes then).
    /// </summary>
    public FeedEntry Entry => _entry ?? throw new InvalidOperationException("The entry was dropped, or not made yet.");

    /// <summary>
    /// The entry's bytes in an Atom feed, or null when only one feed shows it: encoding them apart would then only copy
    /// them once more (the writer writes the entry itself).
    /// </summary>
    public byte[]? Atom(FeedEncoders encoders)
    {
        if (_counted < 2) return null;
        lock (_gate) return _atom ??= AtomFeedWriter.Encode(Whole(), encoders);
    }

    /// <summary>The entry's bytes in a JSON Feed's items, or null when only one feed shows it (as <see cref="Atom"/>).</summary>
    public byte[]? Json(FeedEncoders encoders)
    {
        if (_counted < 2) return null;
        lock (_gate) return _json ??= JsonFeedWriter.Encode(Whole(), encoders);
    }

    /// <summary>Makes the entry unless it is made; true when this call made it.</summary>
    internal bool Make(Func<FeedEntry> make)
    {
        lock (_gate)
        {
            if (_entry is not null) return false;
            if (_counted > 0) throw new InvalidOperationException("The entry was dropped: a feed showed it more often than counted.");
            var entry = make();
            _counted = Uses;
            _entry = entry;
            return true;
        }
    }

    private FeedEntry Whole() => _lightened ? throw new InvalidOperationException("The entry's content was let go before it was encoded.") : Entry;

    /// <summary>One use fewer; true when it was the last and the entry and its bytes were dropped.</summary>
    internal bool Release()
    {
        if (Interlocked.Decrement(ref Uses) != 0)
        {
            lock (_gate)
            {
                // Encoded both ways, the content is not read again: feeds copy the bytes, and read the entry's date.
                if (!KeepWhole && !_lightened && _atom is not null && _json is not null && _entry is { ContentHtml: not null } entry)
                {
                    _entry = entry with { ContentHtml = null };
                    _lightened = true;
                }
            }
            return false;
        }
        lock (_gate)
        {
            _entry = null;
            _atom = null;
            _json = null;
        }
        return true;
    }
}
