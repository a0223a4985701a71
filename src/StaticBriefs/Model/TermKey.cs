using System.Globalization;
using System.Text;

namespace StaticBriefs.Model;

/// <summary>
/// The identity of a company, person or topic: case, punctuation, spaces and diacritics folded away,
/// so "OpenAI", "openai" and "Open AI" are one term.
/// </summary>
public readonly record struct TermKey(string Value)
{
    /// <summary>Folds a name into its key.</summary>
    public static TermKey From(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        // Most names are plain ASCII: nothing to fold, and lower-case letters and digits may already be the key.
        if (System.Text.Ascii.IsValid(name)) return FromAscii(name);
        var builder = new StringBuilder(name.Length);
        foreach (var c in Text.CharacterFolding.FoldText(name))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c)) builder.Append(char.ToLowerInvariant(c));
        }
        // A name made only of punctuation still needs an identity of its own.
        return new TermKey(builder.Length > 0 ? builder.ToString() : name.Trim());
    }

    private static TermKey FromAscii(string name)
    {
        var kept = 0;
        var lower = true;
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c)) continue;
            kept++;
            lower &= !char.IsAsciiLetterUpper(c);
        }
        if (kept == 0) return new TermKey(name.Trim());
        if (kept == name.Length && lower) return new TermKey(name);
        return new TermKey(string.Create(kept, name, static (span, source) =>
        {
            var at = 0;
            foreach (var c in source)
            {
                if (char.IsAsciiLetterOrDigit(c)) span[at++] = char.ToLowerInvariant(c);
            }
        }));
    }

    /// <inheritdoc/>
    public override string ToString() => Value;
}
