using System.Globalization;
using System.Text;

namespace StaticBriefs.Text;

/// <summary>Makes URL slugs: lower-case ASCII letters and digits joined by '-', never empty.</summary>
public static class Slugger
{
    /// <summary>Slug for a name ("Anthropic PBC" -> "anthropic-pbc", "Zoë" -> "zoe"); falls back to a hash for names with no ASCII letters.</summary>
    public static string Slugify(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingDash = false;
        foreach (var c in Text.CharacterFolding.FoldText(text))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (pendingDash && builder.Length > 0) builder.Append('-');
                builder.Append(lower);
                pendingDash = false;
            }
            else if (c is '\'' or '\u2019')
            {
                // "Moody's" -> "moodys": an apostrophe does not separate words.
            }
            else
            {
                pendingDash = true;
            }
        }
        return builder.Length > 0 ? builder.ToString() : "x-" + StableHash(text);
    }

    /// <summary>True when text is already a valid slug.</summary>
    public static bool IsValidSlug(string text) =>
        text.Length > 0 && text[0] != '-' && text[^1] != '-' &&
        text.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    /// <summary>A short hash that stays the same across runs and machines (string.GetHashCode does not).</summary>
    public static string StableHash(string text)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(hash)[..8];
    }
}
