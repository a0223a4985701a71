using System.Collections.Frozen;
using System.Text;

namespace StaticBriefs.Rendering.Markdown.Templates;

/// <summary>
/// A tag's arguments: positional values and <c>name=value</c> pairs, values in double quotes, single quotes,
/// backticks (Hugo's raw strings) or bare. Names are matched ignoring case, as Hugo matches them.
/// </summary>
/// <param name="Positional">Values without a name, in order.</param>
/// <param name="Named">Values by lower-case name.</param>
public sealed record TemplateArguments(IReadOnlyList<string> Positional, IReadOnlyDictionary<string, string> Named)
{
    /// <summary>The named value, or the positional value at <paramref name="position"/> when there is no name given.</summary>
    public string? Get(string name, int position = -1) =>
        Named.TryGetValue(name, out var value) ? value
        : position >= 0 && position < Positional.Count ? Positional[position]
        : null;

    /// <summary>Splits <paramref name="text"/> into arguments.</summary>
    public static TemplateArguments Parse(string text)
    {
        var positional = new List<string>();
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i])) { i++; continue; }
            var start = i;
            string? name = null;
            // name=value: a bare word directly followed by '='
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '-')) i++;
            if (i > start && i < text.Length && text[i] == '=')
            {
                name = text[start..i].ToLowerInvariant();
                i++;
            }
            else
            {
                i = start;
            }
            var value = ReadValue(text, ref i);
            if (name is null) positional.Add(value);
            else named[name] = value;
        }
        return new TemplateArguments(positional, named.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static string ReadValue(string text, ref int i)
    {
        if (i >= text.Length) return "";
        var quote = text[i];
        if (quote is '"' or '\'' or '`')
        {
            var value = new StringBuilder();
            i++;
            while (i < text.Length && text[i] != quote)
            {
                // Backslash escapes inside double quotes, as Go and Liquid strings have them; backticks are raw.
                if (text[i] == '\\' && quote == '"' && i + 1 < text.Length) i++;
                value.Append(text[i]);
                i++;
            }
            i++; // the closing quote (or past the end)
            return value.ToString();
        }
        var start = i;
        while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
        return text[start..i];
    }
}
