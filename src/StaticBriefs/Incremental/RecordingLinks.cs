using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using StaticBriefs.Rendering.Markdown;

namespace StaticBriefs.Incremental;

/// <summary>
/// A <see cref="LinkContext"/> that answers like the real one and writes down every question, so a cached body can
/// later be checked against a changed site by asking the same questions again. One instance per body render.
/// </summary>
internal sealed class RecordingLinks
{
    private readonly List<LinkLookup> _lookups = [];

    public RecordingLinks(LinkContext links) => Context = links with
    {
        KnownPaths = new RecordingSet(links.KnownPaths, 'k', _lookups),
        StaticFiles = new RecordingSet(links.StaticFiles, 's', _lookups),
        PathsBySource = new RecordingMap(links.PathsBySource, 'p', _lookups),
        SourcesByName = new RecordingMap(links.SourcesByName, 'n', _lookups),
        Resources = new RecordingMap(links.Resources, 'r', _lookups),
        Redirects = new RecordingMap(links.Redirects, 'a', _lookups),
        Unpublished = new RecordingMap(links.Unpublished, 'u', _lookups),
    };

    /// <summary>The context to render with.</summary>
    public LinkContext Context { get; }

    /// <summary>The questions asked so far, in order.</summary>
    public ImmutableArray<LinkLookup> Lookups => [.. _lookups];

    private sealed class RecordingSet(IReadOnlySet<string> inner, char set, List<LinkLookup> log) : IReadOnlySet<string>
    {
        public int Count => inner.Count;

        public bool Contains(string item)
        {
            var found = inner.Contains(item);
            log.Add(new LinkLookup(set, item, found ? "1" : "0"));
            return found;
        }

        // Link resolution only asks Contains; anything else would be a question the log cannot replay.
        public IEnumerator<string> GetEnumerator() => throw Unsupported();
        IEnumerator IEnumerable.GetEnumerator() => throw Unsupported();
        public bool IsProperSubsetOf(IEnumerable<string> other) => throw Unsupported();
        public bool IsProperSupersetOf(IEnumerable<string> other) => throw Unsupported();
        public bool IsSubsetOf(IEnumerable<string> other) => throw Unsupported();
        public bool IsSupersetOf(IEnumerable<string> other) => throw Unsupported();
        public bool Overlaps(IEnumerable<string> other) => throw Unsupported();
        public bool SetEquals(IEnumerable<string> other) => throw Unsupported();
    }

    private sealed class RecordingMap(IReadOnlyDictionary<string, string> inner, char map, List<LinkLookup> log) : IReadOnlyDictionary<string, string>
    {
        public int Count => inner.Count;
        public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);
        public IEnumerable<string> Keys => throw Unsupported();
        public IEnumerable<string> Values => throw Unsupported();

        public bool ContainsKey(string key) => TryGetValue(key, out _);

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
        {
            var found = inner.TryGetValue(key, out value);
            log.Add(new LinkLookup(map, key, found ? value : null));
            return found;
        }

        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => throw Unsupported();
        IEnumerator IEnumerable.GetEnumerator() => throw Unsupported();
    }

    private static NotSupportedException Unsupported() =>
        new("link checks may only look single paths up while their answers are being recorded");
}
