using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using StaticBriefs.Model;

namespace StaticBriefs.Incremental;

/// <summary>
/// A site's brief ids by source path (<see cref="LiveState.BriefIdsOf"/>), its table made on the first read, by one
/// thread however many ask at once.
/// </summary>
internal sealed class BriefIds(ImmutableArray<Brief> briefs) : IReadOnlyDictionary<string, int>
{
    private readonly Lazy<Dictionary<string, int>> _ids = new(() =>
    {
        var ids = new Dictionary<string, int>(briefs.Length, StringComparer.Ordinal);
        foreach (var brief in briefs) ids[brief.Source.RelativePath] = brief.Id;
        return ids;
    });

    /// <summary>True once the table was made (for tests: planning an edit should rarely need it).</summary>
    internal bool Made => _ids.IsValueCreated;

    public int this[string key] => _ids.Value[key];

    public IEnumerable<string> Keys => _ids.Value.Keys;

    public IEnumerable<int> Values => _ids.Value.Values;

    public int Count => briefs.Length;

    public bool ContainsKey(string key) => _ids.Value.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out int value) => _ids.Value.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, int>> GetEnumerator() => _ids.Value.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
