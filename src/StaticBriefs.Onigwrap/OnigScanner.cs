namespace Onigwrap;

/// <summary>
/// The patterns of one TextMate rule, searched together: <see cref="FindNextMatchSync(ReadOnlyMemory{char}, in int)"/>
/// gives the pattern whose match starts leftmost (the first listed among those starting there) and its groups, as the
/// package's scanner does, with the same native library, patterns, text and offsets, so the same tokens. What differs is
/// only the managed work around each search: the package's layer cost about twice what Oniguruma's searches did (on the
/// Rust blog's 5,700 lines of Rust, 571 ms against 173 ms to tokenize; <c>highlight-corpus</c> in the benchmarks).
/// A pattern remembers its last search: asked again about the same line from a position no further than where it
/// last matched, it gives that match without searching (TextMateSharp asks each pattern again after every token).
/// Not thread-safe: TextMateSharp gives each grammar's scanners to one thread at a time.
/// </summary>
public sealed class OnigScanner
{
    private readonly Entry[] _entries;

    /// <summary>Compiles <paramref name="regexps"/> (Oniguruma syntax), in the order their matches are preferred.</summary>
    public OnigScanner(string[] regexps)
    {
        ArgumentNullException.ThrowIfNull(regexps);
        _entries = [.. regexps.Select(pattern => new Entry(new NativeRegex(pattern)))];
    }

    /// <summary>As <see cref="FindNextMatchSync(ReadOnlyMemory{char}, in int)"/> for a whole string.</summary>
    public IOnigNextMatchResult? FindNextMatchSync(string source, in int charOffset) => FindNextMatchSync(source.AsMemory(), charOffset);

    /// <summary>
    /// The leftmost match of any pattern in <paramref name="source"/> at or after <paramref name="charOffset"/> (ties go
    /// to the pattern listed first), or null when none matches.
    /// </summary>
    public IOnigNextMatchResult? FindNextMatchSync(ReadOnlyMemory<char> source, in int charOffset)
    {
        SearchResult? best = null;
        var bestIndex = -1;
        for (var index = 0; index < _entries.Length; index++)
        {
            var match = _entries[index].Search(source, charOffset);
            if (match is null) continue;
            if (best is null || match.Location < best.Location)
            {
                best = match;
                bestIndex = index;
            }
            // Nothing can start before the offset: the rest of the list cannot do better.
            if (match.Location == charOffset) break;
        }
        return best is null ? null : new NextMatch(bestIndex, best.Captures());
    }

    /// <summary>A pattern and what its last search found.</summary>
    private sealed class Entry(NativeRegex regex)
    {
        private ReadOnlyMemory<char> _lastText;
        private int _lastOffset = -1;
        private SearchResult? _lastMatch;

        // Filled again at each search: what a search returns is read before this pattern is searched again.
        private readonly SearchResult _result = new();

        public SearchResult? Search(ReadOnlyMemory<char> text, int offset)
        {
            // The same text searched from no further on than last time, when the last match (or its absence) lies at or
            // after the new offset, gives the same answer: the search would scan the same characters to the same end.
            if (_lastOffset >= 0 && _lastOffset <= offset && _lastText.Equals(text) && (_lastMatch is null || _lastMatch.Location >= offset))
                return _lastMatch;
            _lastText = text;
            _lastOffset = offset;
            _lastMatch = regex.Search(text.Span, offset, _result) ? _result : null;
            return _lastMatch;
        }
    }
}
