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
    private readonly bool[] _firstChars = new bool[128];

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
        foreach (var spelling in map.Keys)
        {
            if (spelling.Length > 0 && spelling[0] < 128) _firstChars[spelling[0]] = true;
        }
    }

    /// <summary>Every spelling matched and the path it links to, in ordinal order (what decides the matcher's output).</summary>
    public IReadOnlyList<(string Spelling, string Path)> Spellings { get; }

    /// <summary>True when there is nothing to match.</summary>
    public bool IsEmpty => _byFirstWord.Count == 0;

    /// <summary>Every match in <paramref name="text"/>, left to right: index, length and the entity's site path.</summary>
    public IEnumerable<(int Index, int Length, string Path)> Matches(string text) =>
        FindAll(text.AsSpan(), null) ?? [];

    /// <summary>
    /// Matches in <paramref name="text"/> whose entity is not yet in <paramref name="seen"/> (each added as found),
    /// or null when there are none; allocates nothing for text without a match.
    /// </summary>
    public List<(int Index, int Length, string Path)>? FindAll(ReadOnlySpan<char> text, HashSet<string>? seen)
    {
        List<(int, int, string)>? found = null;
        var lookup = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                // To the next ASCII letter or digit or non-ASCII character, by a vector search, then as before.
                var next = text[(i + 1)..].IndexOfAnyExcept(AsciiNotWord);
                i = next < 0 ? text.Length : i + 1 + next;
                continue;
            }
            var end = WordEnd(text, i);
            var matched = 0;
            if (CanStart(text[i]) && lookup.TryGetValue(text.Slice(i, end - i), out var candidates))
            {
                foreach (var (spelling, path) in candidates)
                {
                    var after = i + spelling.Length;
                    if (after <= text.Length && text.Slice(i, spelling.Length).SequenceEqual(spelling)
                        && (after == text.Length || !IsWordChar(text[after])))
                    {
                        if (seen is null || seen.Add(path)) (found ??= []).Add((i, spelling.Length, path));
                        matched = spelling.Length;
                        break;
                    }
                }
            }
            i = matched > 0 ? i + matched : end;
        }
        return found;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    // A body is mostly ASCII words between ASCII spaces and punctuation: both are crossed by vector searches.
    private static readonly System.Buffers.SearchValues<char> AsciiWord =
        System.Buffers.SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private static readonly System.Buffers.SearchValues<char> AsciiNotWord =
        System.Buffers.SearchValues.Create([.. Enumerable.Range(0, 128).Select(c => (char)c).Where(c => !char.IsLetterOrDigit(c))]);

    /// <summary>Where the word starting at <paramref name="start"/> ends: past its ASCII letters and digits, and any other letters and digits.</summary>
    private static int WordEnd(ReadOnlySpan<char> text, int start)
    {
        var end = start;
        while (true)
        {
            var stop = text[end..].IndexOfAnyExcept(AsciiWord);
            if (stop < 0) return text.Length;
            end += stop;
            if (!IsWordChar(text[end])) return end;
            end++;
        }
    }

    /// <summary>Cheap pre-check before hashing a word: ASCII first letters that start no spelling are skipped.</summary>
    private bool CanStart(char c) => c >= 128 || _firstChars[c];

    /// <summary>The word a spelling starts with: the matcher only looks at spellings whose first word is in the text.</summary>
    internal static string FirstWord(string spelling)
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
