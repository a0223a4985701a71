using System.Collections.Frozen;
using StaticBriefs.Model;

namespace StaticBriefs.Rendering.Markdown.EntityLinks;

/// <summary>
/// Finds names and aliases of known entities in text, as whole words ("Meta" does not match inside "metadata").
/// Spellings are indexed by their first word, so a scan costs one dictionary look-up per word of text, however
/// many entities the site knows; the longest spelling starting at a word wins.
/// </summary>
public sealed class EntityMatcher
{
    private readonly FrozenDictionary<string, (string Spelling, string Path)[]> _byFirstWord;

    /// <summary>Builds the matcher from spellings (name or alias) and the site path of the entity each one names.</summary>
    public EntityMatcher(IEnumerable<(string Spelling, string Path)> spellings)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (spelling, path) in spellings)
        {
            // Very short spellings ("AI", "X") would link ordinary words.
            if (spelling.Trim().Length >= 3) map.TryAdd(spelling.Trim(), path);
        }
        Spellings = [.. map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value))];
        _byFirstWord = map
            .GroupBy(pair => FirstWord(pair.Key), StringComparer.Ordinal)
            .ToFrozenDictionary(
                group => group.Key,
                group => group.OrderByDescending(p => p.Key.Length).ThenBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => (p.Key, p.Value)).ToArray(),
                StringComparer.Ordinal);
    }

    /// <summary>Every spelling matched and the path it links to, in ordinal order (what decides the matcher's output).</summary>
    public IReadOnlyList<(string Spelling, string Path)> Spellings { get; }

    /// <summary>True when there is nothing to match.</summary>
    public bool IsEmpty => _byFirstWord.Count == 0;

    /// <summary>Every match in <paramref name="text"/>, left to right: index, length and the entity's site path.</summary>
    public IEnumerable<(int Index, int Length, string Path)> Matches(string text)
    {
        var lookup = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i])) { i++; continue; }
            var end = i;
            while (end < text.Length && IsWordChar(text[end])) end++;
            var matched = 0;
            if (lookup.TryGetValue(text.AsSpan(i, end - i), out var candidates))
            {
                foreach (var (spelling, path) in candidates)
                {
                    var after = i + spelling.Length;
                    if (string.CompareOrdinal(text, i, spelling, 0, spelling.Length) == 0
                        && after <= text.Length && (after == text.Length || !IsWordChar(text[after])))
                    {
                        yield return (i, spelling.Length, path);
                        matched = spelling.Length;
                        break;
                    }
                }
            }
            i = matched > 0 ? i + matched : end;
        }
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    private static string FirstWord(string spelling)
    {
        var end = 0;
        while (end < spelling.Length && IsWordChar(spelling[end])) end++;
        return spelling[..end];
    }
    /// <summary>A matcher for every entity of the site that has a page: names, aliases and the spellings briefs use.</summary>
    public static EntityMatcher ForSite(SiteModel site)
    {
        var spellings = new List<(string, string)>();
        foreach (var taxonomy in site.Taxonomies.Values.OrderBy(t => t.Kind))
        {
            foreach (var term in taxonomy.ByName)
            {
                spellings.Add((term.Name, term.Path));
                if (term.Entity is { } entity)
                {
                    spellings.Add((entity.Name, term.Path));
                    foreach (var alias in entity.Aliases) spellings.Add((alias, term.Path));
                }
            }
        }
        return new EntityMatcher(spellings);
    }
}
