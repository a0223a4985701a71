using System.Globalization;
using System.Text;

namespace StaticBriefs.Text;

/// <summary>Makes URL slugs: lower-case ASCII letters and digits joined by '-', never empty.</summary>
public static class Slugger
{
    /// <summary>
    /// Longest slug, in characters. A slug is a file name in the output (at most 255 bytes on most file systems) and
    /// part of every link to the page; longer ones are cut at a '-' (see <see cref="Shorten"/>).
    /// </summary>
    public const int MaxLength = 80;

    /// <summary>A slug cut to <see cref="MaxLength"/>, at the last '-' that keeps at least half of it.</summary>
    public static string Shorten(string slug)
    {
        if (slug.Length <= MaxLength) return slug;
        var cut = slug.LastIndexOf('-', MaxLength);
        return (cut >= MaxLength / 2 ? slug[..cut] : slug[..MaxLength]).TrimEnd('-');
    }

    /// <summary>Slug for a name ("Anthropic PBC" -> "anthropic-pbc", "Zoë" -> "zoe"); falls back to a hash for names with no ASCII letters.</summary>
    public static string Slugify(string text) => Slugify(text, out _);

    /// <summary>As <see cref="Slugify(string)"/>; <paramref name="shortened"/> says whether it was cut to <see cref="MaxLength"/>.</summary>
    public static string Slugify(string text, out bool shortened)
    {
        shortened = false;
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
        if (builder.Length == 0) return "x-" + StableHash(text);
        shortened = builder.Length > MaxLength;
        return Shorten(builder.ToString());
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
