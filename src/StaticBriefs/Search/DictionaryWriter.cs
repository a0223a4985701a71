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

    /// <summary>
    /// Writes the pieces of the words with <paramref name="briefs"/> above zero (by word id), in the given orders of
    /// <paramref name="words"/> and of the same words spelt backwards. A piece whose text is one of
    /// <paramref name="previousForward"/> or <paramref name="previousReversed"/> at the same place is kept, not written.
    /// </summary>
    internal static DictionaryKeys Write(
        JsonFiles files, IReadOnlyList<string> words, int[] forwardOrder, IReadOnlyList<string> reversedWords, int[] reversedOrder, int[] briefs,
        IReadOnlyList<string> previousForward, IReadOnlyList<string> previousReversed, out List<string> forwardPieces, out List<string> reversedPieces)
    {
        var forward = WritePieces(files, "dict", words, forwardOrder, briefs, previousForward, out forwardPieces);
        return new DictionaryKeys(forward, WritePieces(files, "rdict", reversedWords, reversedOrder, briefs, previousReversed, out reversedPieces));
    }

    internal static string Reverse(string word)
    {
        var chars = word.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }

    private static List<string> WritePieces(
        JsonFiles files, string folder, IReadOnlyList<string> words, int[] order, int[] briefs, IReadOnlyList<string> previous, out List<string> pieces)
    {
        var keys = new List<string>();
        var texts = new List<string>();
        var piece = new StringBuilder();
        string? first = null, last = null, previousLast = null;
        void Write(string text)
        {
            var index = keys.Count - 1;
            texts.Add(text);
            var name = $"{folder}/{index.ToString(CultureInfo.InvariantCulture)}.json";
            if (index < previous.Count && previous[index] == text && files.Keep(name)) return;
            files.Write(name, writer => writer.WriteStringValue(text));
        }
        void Flush()
        {
            if (first is null) return;
            keys.Add(previousLast is null ? string.Empty : ShardWriter.Separator(previousLast, first));
            previousLast = last;
            Write(piece.ToString());
            piece.Clear();
            first = null;
            last = null;
        }
        foreach (var id in order)
        {
            var count = briefs[id];
            if (count <= 0) continue;
            var word = words[id];
            if (piece.Length >= PieceTargetBytes) Flush();
            var shared = 0;
            if (last is not null)
            {
                while (shared < 35 && shared < last.Length && shared < word.Length && last[shared] == word[shared]) shared++;
                piece.Append(' ');
            }
            first ??= word;
            piece.Append(Digits[shared]).Append(Digits[Math.Min(35, BitLength(count))]).Append(word, shared, word.Length - shared);
            last = word;
        }
        if (first is not null) Flush();
        else if (keys.Count == 0)
        {
            keys.Add("");
            Write("");
        }
        pieces = texts;
        return keys;
    }

    private static int BitLength(int value)
    {
        var bits = 0;
        while (value > 0) { bits++; value >>= 1; }
        return bits;
    }
}
