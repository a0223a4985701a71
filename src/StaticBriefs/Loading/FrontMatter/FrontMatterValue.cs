using System.Collections.Immutable;

namespace StaticBriefs.Loading.FrontMatter;

/// <summary>What a scalar is, as its dialect typed it (YAML by the core schema, TOML and JSON natively).</summary>
internal enum ScalarKind
{
    /// <summary>Text (quoted, or plain text that is nothing else).</summary>
    Text,
    /// <summary>true or false (YAML also yes and no, as YAML 1.1 parsers such as Ruby's and Go's read them).</summary>
    Boolean,
    /// <summary>A whole number.</summary>
    Integer,
    /// <summary>A number with a fraction or exponent.</summary>
    Float,
    /// <summary>A date or date-time (TOML's native dates; YAML plain scalars that look like ISO dates).</summary>
    DateTime,
    /// <summary>No value (<c>~</c>, <c>null</c>, an empty YAML value, JSON <c>null</c>).</summary>
    Null,
}

/// <summary>
/// A front matter value in any dialect, with the file line and 1-based column it starts at: what every reader
/// produces, so the document reader does not care whether the author wrote YAML, TOML or JSON.
/// </summary>
internal abstract record FrontMatterValue(int Line, int Column)
{
    /// <summary>"value", "list" or "set of key: value pairs", for messages.</summary>
    public abstract string Describe();

    /// <summary>
    /// A plain .NET value for templates (<c>page.extra.key</c>): strings, true/false, null, lists and dictionaries.
    /// Numbers and dates stay text as written, as the YAML loader always kept them.
    /// </summary>
    public abstract object? ToPlain();
}

/// <summary>A single value: its text as written (numbers and dates too) and its kind.</summary>
internal sealed record FrontMatterScalar(string Text, ScalarKind Kind, int Line, int Column) : FrontMatterValue(Line, Column)
{
    /// <inheritdoc/>
    public override string Describe() => "value";

    /// <inheritdoc/>
    public override object? ToPlain() => Kind switch
    {
        ScalarKind.Null => null,
        ScalarKind.Boolean => Booleans.IsTrue(Text),
        _ => Text,
    };
}

/// <summary>A list (YAML sequence, TOML or JSON array).</summary>
internal sealed record FrontMatterList(ImmutableArray<FrontMatterValue> Items, int Line, int Column) : FrontMatterValue(Line, Column)
{
    /// <inheritdoc/>
    public override string Describe() => "list";

    /// <inheritdoc/>
    public override object? ToPlain() => Items.Select(item => item.ToPlain()).ToList();
}

/// <summary>One key of a mapping, with the place of the key itself.</summary>
internal sealed record FrontMatterEntry(string Key, int Line, int Column, FrontMatterValue Value);

/// <summary>A mapping (YAML mapping, TOML table, JSON object), keys in the order written, each key once.</summary>
internal sealed record FrontMatterMap(ImmutableArray<FrontMatterEntry> Entries, int Line, int Column) : FrontMatterValue(Line, Column)
{
    /// <summary>An empty mapping at the start of the file (a file without front matter).</summary>
    public static readonly FrontMatterMap Empty = new([], 1, 1);

    /// <inheritdoc/>
    public override string Describe() => "set of key: value pairs";

    /// <summary>The entry for <paramref name="key"/> (exact, case-sensitive), or null.</summary>
    public FrontMatterEntry? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (string.Equals(entry.Key, key, StringComparison.Ordinal)) return entry;
        }
        return null;
    }

    /// <inheritdoc/>
    public override object? ToPlain()
    {
        var result = new Dictionary<string, object?>(Entries.Length, StringComparer.Ordinal);
        foreach (var entry in Entries) result[entry.Key] = entry.Value.ToPlain();
        return result;
    }
}

/// <summary>The words front matter uses for true and false.</summary>
internal static class Booleans
{
    /// <summary>true, True, TRUE, yes, Yes, YES (YAML 1.1's yes, which Jekyll's and Hugo's YAML read, as StaticBriefs always did).</summary>
    public static bool IsTrue(string text) => text is "true" or "True" or "TRUE" or "yes" or "Yes" or "YES";

    /// <summary>false, False, FALSE, no, No, NO.</summary>
    public static bool IsFalse(string text) => text is "false" or "False" or "FALSE" or "no" or "No" or "NO";
}
