namespace StaticBriefs.Search;

/// <summary>
/// One document's tokens in a form that outlives a build: terms and dictionary words by their numbers in a
/// <see cref="Search.Lexicon"/> (ids are a builder's own), with what <see cref="SearchIndexBuilder"/> makes of them.
/// </summary>
/// <param name="Lexicon">What the numbers of <paramref name="Terms"/> and <paramref name="Words"/> name.</param>
/// <param name="Terms">Each term the document uses.</param>
/// <param name="Frequencies">Per term, its packed field frequencies (<see cref="SearchFields"/>).</param>
/// <param name="Words">The typo dictionary's words it uses.</param>
/// <param name="FieldLengths">Each field's length in words.</param>
/// <param name="Excerpt">The snippet shown under a result.</param>
internal sealed record TokenizedText(Lexicon Lexicon, int[] Terms, uint[] Frequencies, int[] Words, int[] FieldLengths, string Excerpt);

/// <summary>
/// Tokens kept across builds (by the build cache), by a hash of everything tokenized: the same text always gives the
/// same tokens, so a cached build tokenizes only the documents whose text changed. Thread-safe.
/// </summary>
internal interface ITokenMemo
{
    /// <summary>The lexicon the stored tokens' numbers are in; new tokens are stored in it.</summary>
    Lexicon Lexicon { get; }

    /// <summary>The tokens stored for <paramref name="key"/>, or null.</summary>
    TokenizedText? Find(UInt128 key);

    /// <summary>
    /// The tokens stored for <paramref name="key"/>, or null, without noting their use (the caller notes the uses of a
    /// whole restore at once).
    /// </summary>
    TokenizedText? Peek(UInt128 key) => Find(key);

    /// <summary>
    /// Notes the use of the tokens of <paramref name="keys"/>, looked up with <see cref="Peek"/>, from one thread; a memo
    /// whose <see cref="Peek"/> already notes them has nothing to do.
    /// </summary>
    void MarkUsed(IEnumerable<UInt128> keys)
    {
    }

    /// <summary>Stores the tokens of the text hashing to <paramref name="key"/>.</summary>
    void Store(UInt128 key, TokenizedText tokens);
}
