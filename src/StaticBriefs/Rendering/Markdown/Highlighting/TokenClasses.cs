namespace StaticBriefs.Rendering.Markdown.Highlighting;

/// <summary>
/// Turns a token's TextMate scopes into one short CSS class. The classes are Pygments' (<c>k</c> keyword, <c>s</c>
/// string, <c>c</c> comment, <c>nf</c> function ...), which Rouge (Jekyll) and Chroma (Hugo) also write, so a
/// stylesheet a migrating site already has keeps working, and each span costs a few bytes. Only scopes a reader
/// tells apart get a class; punctuation, plain names and operators stay unwrapped to keep pages small.
/// </summary>
internal static class TokenClasses
{
    /// <summary>Marks an operator: <c>ow</c> (styled as a keyword) when it is a word such as <c>in</c> or <c>typeof</c>, else nothing.</summary>
    private const string Operator = "o";

    // Checked in order against one scope: more specific prefixes first.
    private static readonly (string Prefix, string Class)[] Rules =
    [
        ("comment", "c"),
        ("string.regexp", "sr"),
        ("string", "s"),
        ("constant.character.escape", "se"),
        ("constant.numeric", "m"),
        ("constant.other.color", "m"),
        ("constant.other.date", "m"),
        ("constant.language", "kc"),
        ("constant", "no"),
        ("keyword.operator", Operator),
        ("keyword.control.directive", "cp"),
        ("keyword", "k"),
        ("storage", "k"),
        ("entity.name.function", "nf"),
        ("support.function", "nb"),
        ("support.type.property-name", "nt"),
        ("entity.name.tag", "nt"),
        ("entity.other.attribute-name", "na"),
        ("entity.name.section", "gh"),
        ("entity.name.namespace", "nn"),
        ("entity.name.module", "nn"),
        ("entity.name.package", "nn"),
        ("entity.name.type", "nc"),
        ("entity.name.class", "nc"),
        ("entity.other.inherited-class", "nc"),
        ("support.type", "nc"),
        ("support.class", "nc"),
        ("support.constant", "no"),
        ("variable.language", "bp"),
        ("variable.other.normal", "nv"),
        ("variable.other.assignment", "nv"),
        ("variable.other.special", "nv"),
        ("variable.other.positional", "nv"),
        ("variable.other.bracket", "nv"),
        ("markup.inserted", "gi"),
        ("markup.deleted", "gd"),
        ("markup.changed", "gu"),
        ("meta.diff.header", "gh"),
        ("meta.diff.range", "gu"),
        ("markup.heading", "gh"),
        ("markup.bold", "gs"),
        ("markup.italic", "ge"),
    ];

    /// <summary>
    /// The class for a token: its innermost scope that some rule names, or null for plain text. <paramref name="known"/>
    /// keeps each scope's rule once found: a grammar has a few hundred scopes, met again token after token, and trying
    /// every rule's prefix on each was most of this call.
    /// </summary>
    public static string? For(List<string> scopes, ReadOnlySpan<char> text, Dictionary<string, string?>? known = null)
    {
        for (var i = scopes.Count - 1; i >= 0; i--)
        {
            var found = MatchKnown(scopes[i], known);
            if (found is null) continue;
            if (!ReferenceEquals(found, Operator)) return found;
            return IsWord(text) ? "ow" : null;
        }
        return null;
    }

    /// <summary>The most scopes a set keeps with their classes.</summary>
    internal const int MaxKnownScopes = 4096;

    private static string? MatchKnown(string scope, Dictionary<string, string?>? known)
    {
        if (known is null) return Match(scope);
        if (known.TryGetValue(scope, out var found)) return found;
        found = Match(scope);
        // Some grammars name scopes after the text they match (a heredoc's delimiter): past a grammar's few hundred
        // scopes, the rest are looked up each time rather than kept.
        if (known.Count < MaxKnownScopes) known[scope] = found;
        return found;
    }

    private static string? Match(string scope)
    {
        foreach (var (prefix, name) in Rules)
        {
            if (scope.StartsWith(prefix, StringComparison.Ordinal)
                && (scope.Length == prefix.Length || scope[prefix.Length] == '.'))
                return name;
        }
        return null;
    }

    private static bool IsWord(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return false;
        foreach (var c in text)
        {
            if (!char.IsAsciiLetter(c)) return false;
        }
        return true;
    }
}
