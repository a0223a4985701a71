using System.Collections.Frozen;
using System.Globalization;
using System.Text;

using StaticBriefs.Text;

namespace StaticBriefs.Search;

/// <summary>
/// Turns text into search terms: lower-case, diacritics folded, split on anything that is not a letter
/// or digit (apostrophes are dropped inside words), stop words removed, light English stemming.
/// search.js implements the same steps; the shared vectors in the tests keep the two in step.
/// </summary>
public static class SearchNormalizer
{
    /// <summary>Longer runs (URLs, hashes) are not words anyone types; they are dropped.</summary>
    internal const int MaxTokenLength = 40;

    private static readonly FrozenSet<string> StopWords = FrozenSet.Create(StringComparer.Ordinal,
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "he", "her", "his",
        "i", "in", "into", "is", "it", "its", "of", "on", "or", "our", "she", "that", "the", "their", "them",
        "they", "this", "to", "was", "we", "were", "will", "with", "you");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StopLookup =
        StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The search terms of <paramref name="text"/>, in order, repeats kept.</summary>
    public static IEnumerable<string> Tokens(string text)
    {
        var list = new List<string>();
        Span<char> buffer = stackalloc char[MaxTokenLength + 8];
        var pos = 0;
        int length;
        while ((length = NextToken(text, ref pos, buffer)) >= 0) list.Add(new string(buffer[..length]));
        return list;
    }

    /// <summary>
    /// The term one word becomes: folded and stemmed, separators dropped ("GPT-4o" gives "gpt4o"), stop
    /// words kept; empty when nothing is left or the word is longer than the tokenizer accepts.
    /// </summary>
    public static string Normalize(string token)
    {
        Span<char> buffer = stackalloc char[MaxTokenLength + 8];
        var length = 0;
        var overflow = false;
        var pos = 0;
        while (pos < token.Length) ReadWord(token, ref pos, buffer, ref length, ref overflow);
        if (overflow) return string.Empty;
        return new string(buffer[..SearchStemmer.Stem(buffer[..length])]);
    }

    /// <summary>
    /// The key of a facet value (a company, person or topic name) in URLs and index file names: its folded
    /// words joined by "-", so "Andrej Karpathy" is "andrej-karpathy" and "OpenAI" and "openai" are one.
    /// search.js computes the same key from the names in the result data.
    /// </summary>
    public static string FacetKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        Span<char> buffer = stackalloc char[MaxTokenLength + 8];
        var pos = 0;
        int length;
        while ((length = NextWord(name, ref pos, buffer)) >= 0)
        {
            if (builder.Length > 0) builder.Append('-');
            builder.Append(buffer[..length]);
        }
        return builder.ToString();
    }

    /// <summary>
    /// Writes the next term at or after <paramref name="pos"/> into <paramref name="buffer"/> and returns
    /// its length, or -1 at the end of the text. Allocation-free: this is the indexing hot loop.
    /// </summary>
    internal static int NextToken(ReadOnlySpan<char> text, ref int pos, Span<char> buffer)
    {
        int length;
        while ((length = NextWord(text, ref pos, buffer)) >= 0)
        {
            var term = TermOf(buffer[..length]);
            if (term > 0) return term;
        }
        return -1;
    }

    /// <summary>
    /// Writes the next folded word (before stop words and stemming) into <paramref name="buffer"/> and
    /// returns its length, or -1 at the end. Words longer than <see cref="MaxTokenLength"/> are skipped.
    /// </summary>
    internal static int NextWord(ReadOnlySpan<char> text, ref int pos, Span<char> buffer)
    {
        while (pos < text.Length)
        {
            var length = 0;
            var overflow = false;
            ReadWord(text, ref pos, buffer, ref length, ref overflow);
            if (length > 0 && !overflow) return length;
        }
        return -1;
    }

    /// <summary>Turns a folded word into its term in place: the term's length, or 0 for a stop word.</summary>
    internal static int TermOf(Span<char> word) => StopLookup.Contains(word) ? 0 : SearchStemmer.Stem(word);

    /// <summary>Appends folded characters up to and including the next separator (which is consumed).</summary>
    private static void ReadWord(ReadOnlySpan<char> text, ref int pos, Span<char> buffer, ref int length, ref bool overflow)
    {
        Span<char> units = stackalloc char[2];
        while (pos < text.Length)
        {
            var c = text[pos];
            if (c < 128)
            {
                pos++;
                if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)) Append(buffer, ref length, ref overflow, c);
                else if (char.IsAsciiLetterUpper(c)) Append(buffer, ref length, ref overflow, (char)(c | 0x20));
                else if (c != '\'' || length == 0) return;
                else if (IsPossessive(text, pos)) { pos++; return; }
                continue;
            }
            if (c == '\u2019' && length > 0)
            {
                pos++;
                if (IsPossessive(text, pos)) { pos++; return; }
                continue;
            }
            var folded = CharacterFolding.Fold(c);
            if (folded is not null)
            {
                foreach (var f in folded) Append(buffer, ref length, ref overflow, f);
                pos++;
                continue;
            }
            if (Rune.DecodeFromUtf16(text[pos..], out var rune, out var used) != System.Buffers.OperationStatus.Done)
            {
                pos++;
                return;
            }
            pos += used;
            var category = Rune.GetUnicodeCategory(rune);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            if (!IsWordCategory(category)) return;
            var count = Rune.ToLowerInvariant(rune).EncodeToUtf16(units);
            for (var i = 0; i < count; i++) Append(buffer, ref length, ref overflow, units[i]);
        }
    }

    // "OpenAI's" is "openai": an apostrophe then a lone s ends the word. Other apostrophes just vanish ("rock'n'roll").
    private static bool IsPossessive(ReadOnlySpan<char> text, int afterApostrophe) =>
        afterApostrophe < text.Length && (text[afterApostrophe] | 0x20) == 's'
        && (afterApostrophe + 1 == text.Length || (text[afterApostrophe + 1] < 128 && !char.IsAsciiLetterOrDigit(text[afterApostrophe + 1])));

    private static bool IsWordCategory(UnicodeCategory category) => category is UnicodeCategory.UppercaseLetter
        or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
        or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.SpacingCombiningMark;

    private static void Append(Span<char> buffer, ref int length, ref bool overflow, char c)
    {
        if (length >= MaxTokenLength) { overflow = true; return; }
        buffer[length++] = c;
    }
}
