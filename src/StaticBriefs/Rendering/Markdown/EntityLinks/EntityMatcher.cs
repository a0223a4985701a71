using System.Collections.Frozen;
using System.Text.RegularExpressions;
using StaticBriefs.Model;

namespace StaticBriefs.Rendering.Markdown.EntityLinks;

/// <summary>
/// Finds names and aliases of known entities in text. One regular expression over every spelling, longest first,
/// built once per build; matches must stand as whole words ("Meta" does not match inside "metadata").
/// </summary>
public sealed class EntityMatcher
{
    private readonly Regex? _regex;
    private readonly FrozenDictionary<string, string> _pathBySpelling;

    /// <summary>Builds the matcher from spellings (name or alias) and the site path of the entity each one names.</summary>
    public EntityMatcher(IEnumerable<(string Spelling, string Path)> spellings)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (spelling, path) in spellings)
        {
            // Very short spellings ("AI", "X") would link ordinary words; they need a page of their own to be useful.
            if (spelling.Trim().Length >= 3) map.TryAdd(spelling.Trim(), path);
        }
        _pathBySpelling = map.ToFrozenDictionary(StringComparer.Ordinal);
        if (map.Count == 0) return;
        var alternatives = map.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal).Select(Regex.Escape);
        _regex = new Regex(@"(?<![\p{L}\p{N}])(?:" + string.Join('|', alternatives) + @")(?![\p{L}\p{N}])",
            RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    /// <summary>True when there is nothing to match.</summary>
    public bool IsEmpty => _regex is null;

    /// <summary>Every match in <paramref name="text"/>: index, length and the entity's site path.</summary>
    public IEnumerable<(int Index, int Length, string Path)> Matches(string text)
    {
        if (_regex is null) yield break;
        for (var match = _regex.Match(text); match.Success; match = match.NextMatch())
            yield return (match.Index, match.Length, _pathBySpelling[match.Value]);
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
