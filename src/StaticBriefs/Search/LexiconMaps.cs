namespace StaticBriefs.Search;

/// <summary>
/// A builder's tables matched with the lexicon of the kept token sets, both ways, filled as numbers are met: restoring
/// ten thousand briefs' tokens meets the same few thousand numbers over and over. Shared by builders that share the
/// tables; used under their gate.
/// </summary>
internal sealed class LexiconMaps
{
    private LexiconMap? _current;

    /// <summary>The map for <paramref name="lexicon"/>; a new one when the lexicon is another (a cache read again).</summary>
    public LexiconMap For(Lexicon lexicon)
    {
        if (_current?.Lexicon != lexicon) _current = new LexiconMap(lexicon);
        return _current;
    }
}

/// <summary>One lexicon's numbers to a builder's term and word ids and back (each slot holds an id plus an offset, 0 when not met).</summary>
internal sealed class LexiconMap(Lexicon lexicon)
{
    private int[] _terms = [];
    private int[] _words = [];
    private int[] _termNumbers = [];
    private int[] _wordNumbers = [];

    /// <summary>The lexicon this maps.</summary>
    public Lexicon Lexicon { get; } = lexicon;

    /// <summary>Lexicon number to term id plus one; 0 when not met yet.</summary>
    public ref int TermSlot(int number) => ref Slot(ref _terms, number);

    /// <summary>Lexicon number to dictionary word id plus two (1: the word has no dictionary entry); 0 when not met yet.</summary>
    public ref int WordSlot(int number) => ref Slot(ref _words, number);

    /// <summary>The lexicon number of term <paramref name="termId"/> of <paramref name="terms"/>.</summary>
    public int NumberOfTerm(int termId, List<string> terms) => Number(ref _termNumbers, ref _terms, termId, terms, offset: 1);

    /// <summary>The lexicon number of dictionary word <paramref name="wordId"/> of <paramref name="words"/>.</summary>
    public int NumberOfWord(int wordId, List<string> words) => Number(ref _wordNumbers, ref _words, wordId, words, offset: 2);

    /// <summary>An id's lexicon number, noted both ways (the way back as the id plus <paramref name="offset"/>).</summary>
    private int Number(ref int[] numbers, ref int[] back, int id, List<string> table, int offset)
    {
        ref var slot = ref Slot(ref numbers, id);
        if (slot == 0)
        {
            var number = Lexicon.IdOf(table[id]);
            slot = number + 1;
            Slot(ref back, number) = id + offset;
        }
        return slot - 1;
    }

    private static ref int Slot(ref int[] slots, int index)
    {
        if (index >= slots.Length) Array.Resize(ref slots, Math.Max(index + 1, Math.Max(1024, slots.Length * 2)));
        return ref slots[index];
    }
}
