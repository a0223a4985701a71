namespace StaticBriefs.Loading.Yaml;

/// <summary>
/// What to change, for the YAML mistakes authors make most: YamlDotNet says what it found ("did not find expected
/// key"), which rarely says what to write instead.
/// </summary>
internal static class YamlAdvice
{
    /// <summary>One instruction for a YamlDotNet reason (already without its position prefix).</summary>
    public static string For(string reason)
    {
        if (Has(reason, "tab")) return "YAML indents with spaces only: replace the tabs at the start of this line with spaces";
        if (Has(reason, "wrong indentation"))
            return "indent the continuation lines of this value (each line after the first starts with spaces), or write the value on one line";
        if (Has(reason, "document indicator"))
            return "a line inside this value starts with '---' or '...', which ends the front matter: indent that line, or write the value on one line";
        if (Has(reason, "did not find expected key"))
            return "this line is neither 'key: value' nor an indented continuation of the value above: indent the continuation lines of a long value, and put a value that starts with a quote but goes on after it in other quotes";
        if (Has(reason, "mapping values are not allowed") || Has(reason, "invalid mapping") || Has(reason, "found invalid key"))
            return "a value that contains ': ' must be quoted, e.g. title: \"Rust: the book\"";
        if (Has(reason, "cannot start any token"))
            return "a value cannot start with '@', '`' or '%' unless it is quoted: put the whole value in quotes";
        if (Has(reason, "expected ',' or ']'") || Has(reason, "expected ',' or '}'"))
            return "a [list] or {mapping} written on one line is not closed, or an item in it contains ',' or ':': close it, or quote the item";
        if (Has(reason, "end of stream") || Has(reason, "unexpected end"))
            return "a quoted value or a [list] is never closed: add the closing quote or bracket";
        if (Has(reason, "did not find expected"))
            return "check the quotes and brackets on this line: every opening quote or bracket needs its closing one";
        return "check quoting and indentation on this line";
    }

    private static bool Has(string reason, string part) => reason.Contains(part, StringComparison.OrdinalIgnoreCase);
}
