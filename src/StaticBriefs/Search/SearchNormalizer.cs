using System.Collections.Frozen;
using System.Text;

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

    /// <summary>
    /// The search terms of <paramref name="text"/>, in order, repeats kept: each word's term, and after the parts of a
    /// compound joined by '.' or '_' the compound itself, unstemmed ("rust 1.27.0" gives rust, 1, 27, 0, 1.27.0).
    /// </summary>
    public static IEnumerable<string> Tokens(string text)
    {
        var list = new List<string>();
        Span<char> word = stackalloc char[SearchTokenizer.BufferLength];
        Span<char> whole = stackalloc char[SearchTokenizer.BufferLength];
        var reader = new SearchTokenizer(text, word, whole);
        while (reader.MoveNext())
        {
            var current = reader.Current;
            var length = reader.Kind == TokenKind.Whole ? current.Length : TermOf(current);
            if (length > 0) list.Add(new string(current[..length]));
        }
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
        while (pos < token.Length) SearchTokenizer.ReadWord(token, ref pos, buffer, ref length, ref overflow);
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
        Span<char> word = stackalloc char[SearchTokenizer.BufferLength];
        Span<char> whole = stackalloc char[SearchTokenizer.BufferLength];
        var reader = new SearchTokenizer(name, word, whole);
        while (reader.MoveNext())
        {
            if (reader.Kind == TokenKind.Whole) continue;
            if (builder.Length > 0) builder.Append('-');
            builder.Append(reader.Current);
        }
        return builder.ToString();
    }

    /// <summary>
    /// The distinct terms of a name as a query would match it: each word's term and each compound whole, not the
    /// compound's parts ("Node.js Foundation" gives node.js, foundat). Stop words are left out.
    /// </summary>
    internal static List<string> NameTerms(string name)
    {
        var terms = new List<string>();
        Span<char> word = stackalloc char[SearchTokenizer.BufferLength];
        Span<char> whole = stackalloc char[SearchTokenizer.BufferLength];
        var reader = new SearchTokenizer(name, word, whole);
        while (reader.MoveNext())
        {
            if (reader.Kind == TokenKind.Part) continue;
            var current = reader.Current;
            var length = reader.Kind == TokenKind.Whole ? current.Length : TermOf(current);
            if (length == 0) continue;
            var term = new string(current[..length]);
            if (!terms.Contains(term)) terms.Add(term);
        }
        return terms;
    }

    /// <summary>Turns a folded word into its term in place: the term's length, or 0 for a stop word.</summary>
    internal static int TermOf(Span<char> word) => StopLookup.Contains(word) ? 0 : SearchStemmer.Stem(word);

    /// <summary>True for the words left out of the index ("the", "of").</summary>
    internal static bool IsStopWord(ReadOnlySpan<char> word) => StopLookup.Contains(word);
}
