using System.Globalization;
using System.Text;

namespace StaticBriefs.Search;

/// <summary>The keys of the typo dictionary's pieces, as <see cref="ShardWriter"/> keys shards.</summary>
internal sealed record DictionaryKeys(IReadOnlyList<string> Forward, IReadOnlyList<string> Reversed);

/// <summary>
/// Writes the typo dictionary: every word the briefs use (folded, unstemmed, letters only, three or more), sorted and
/// front-coded into pieces of about <see cref="PieceTargetBytes"/>: <c>dict/N.json</c>, and the same words spelt
/// backwards in <c>rdict/N.json</c>. A misspelt word loads the pieces of its first letter and looks there for words
/// within its edit distance; when none is close, the backwards pieces of its last letter, so a wrong first letter is
/// found too. Pieces are small (a letter's words span several) so that a query fetches about its letter's words and
/// not a neighbour's: the typo dictionary is fetched by the first query of a misspelt word, and counts against its
/// bytes. Only words are stored, no postings: the word found is then looked up like any other.
/// Each piece is one JSON string of entries separated by spaces: a character for how many leading characters the
/// entry shares with the one before (base 36, at most 35), one for the size class of its brief count
/// (bit length, base 36), then the rest of the word.
/// </summary>
internal static class DictionaryWriter
{
    internal const int PieceTargetBytes = 2 * 1024;
    private const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";

    internal static DictionaryKeys Write(JsonFiles files, List<(string Word, int Briefs)> words)
    {
        words.Sort(static (a, b) => string.CompareOrdinal(a.Word, b.Word));
        var forward = WritePieces(files, "dict", words);
        var reversed = words.Select(w => (Reverse(w.Word), w.Briefs)).ToList();
        reversed.Sort(static (a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return new DictionaryKeys(forward, WritePieces(files, "rdict", reversed));
    }

    internal static string Reverse(string word)
    {
        var chars = word.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }

    private static List<string> WritePieces(JsonFiles files, string folder, List<(string Word, int Briefs)> words)
    {
        var keys = new List<string>();
        var piece = new StringBuilder();
        string? first = null, previous = null, previousLast = null;
        void Flush()
        {
            if (first is null) return;
            keys.Add(previousLast is null ? string.Empty : ShardWriter.Separator(previousLast, first));
            previousLast = previous;
            var text = piece.ToString();
            files.Write($"{folder}/{(keys.Count - 1).ToString(CultureInfo.InvariantCulture)}.json", writer => writer.WriteStringValue(text));
            piece.Clear();
            first = null;
            previous = null;
        }
        foreach (var (word, briefs) in words)
        {
            if (piece.Length >= PieceTargetBytes) Flush();
            var shared = 0;
            if (previous is not null)
            {
                while (shared < 35 && shared < previous.Length && shared < word.Length && previous[shared] == word[shared]) shared++;
                piece.Append(' ');
            }
            first ??= word;
            piece.Append(Digits[shared]).Append(Digits[Math.Min(35, BitLength(briefs))]).Append(word, shared, word.Length - shared);
            previous = word;
        }
        if (first is not null || keys.Count == 0)
        {
            if (first is null) { files.Write($"{folder}/0.json", writer => writer.WriteStringValue("")); keys.Add(""); }
            else Flush();
        }
        return keys;
    }

    private static int BitLength(int value)
    {
        var bits = 0;
        while (value > 0) { bits++; value >>= 1; }
        return bits;
    }
}
