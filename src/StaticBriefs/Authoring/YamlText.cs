using System.Globalization;
using System.Text;

namespace StaticBriefs.Authoring;

/// <summary>Writes YAML scalars that read back exactly as given, whatever quotes, colons or '#' they hold.</summary>
internal static class YamlText
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    };

    /// <summary>A double-quoted scalar; backslash escapes cover quotes, backslashes and control characters.</summary>
    public static string Quoted(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    // Control characters and the Unicode line breaks are not allowed raw in a YAML scalar.
                    if (char.IsControl(c) || c is '\u2028' or '\u2029')
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else
                        builder.Append(c);
                    break;
            }
        }
        return builder.Append('"').ToString();
    }

    /// <summary>A list item: plain when that cannot be misread (<c>OpenAI</c>, <c>Character.AI</c>), quoted otherwise.</summary>
    public static string Item(string value) => IsPlainSafe(value) ? value : Quoted(value);

    /// <summary>A flow list such as <c>[Anthropic, OpenAI]</c>, the style the sample briefs use.</summary>
    public static string FlowList(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Item)) + "]";

    private static bool IsPlainSafe(string value)
    {
        if (value.Length == 0 || !char.IsLetter(value[0]) || value[^1] == ' ' || Reserved.Contains(value)) return false;
        foreach (var c in value)
        {
            if (!(char.IsLetterOrDigit(c) || c is ' ' or '.' or '-' or '\'' or '\u2019' or '&')) return false;
        }
        return true;
    }
}
