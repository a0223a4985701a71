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

    /// <inheritdoc/>
    public override string ToString() => Value;
}
