using System.Globalization;
using System.Text;
using StaticBriefs.Text;

namespace StaticBriefs.Search;

/// <summary>What a word read by <see cref="SearchTokenizer"/> is.</summary>
internal enum TokenKind
{
    /// <summary>A word on its own ("rust").</summary>
    Single,
    /// <summary>One part of a compound ("1", "27", "node", "js"), read before the compound itself.</summary>
    Part,
    /// <summary>
    /// Parts joined by '.' or '_' with nothing between them ("1.27.0", "node.js", "faster_log"), given after its parts
    /// so versions and identifiers match whole as well as split.
    /// </summary>
    Whole,
}

/// <summary>
/// Reads folded words (lower-case, diacritics folded, before stop words and stemming) out of text, allocation-free:
/// this is the indexing hot loop. Words split on anything that is not a letter or digit; apostrophes inside a word
/// vanish and a final "'s" ends it. A run of words joined by '.' or '_' followed by a letter or digit is also given
/// whole after its parts when it is at most <see cref="SearchNormalizer.MaxTokenLength"/> long. Longer words are
/// skipped. search.js's <c>words()</c> is a twin; the shared vectors keep them in step.
/// </summary>
internal ref struct SearchTokenizer
{
    /// <summary>Room a caller's buffer needs: a word, or a whole compound.</summary>
    internal const int BufferLength = SearchNormalizer.MaxTokenLength + 8;

    private readonly ReadOnlySpan<char> _text;
    private readonly Span<char> _word;
    private readonly Span<char> _whole;
    private int _pos;
    private int _wholeLength;
    private int _parts;
    private bool _wholeFits;
    private bool _pendingWhole;
    private int _length;

    /// <summary>Reads <paramref name="text"/>; both buffers need <see cref="BufferLength"/> characters.</summary>
    public SearchTokenizer(ReadOnlySpan<char> text, Span<char> word, Span<char> whole)
    {
        _text = text;
        _word = word;
        _whole = whole;
    }

    /// <summary>The current word, valid until the next <see cref="MoveNext"/>.</summary>
    public readonly Span<char> Current => Kind == TokenKind.Whole ? _whole[.._wholeLength] : _word[.._length];

    /// <summary>What the current word is.</summary>
    public TokenKind Kind { get; private set; }

    /// <summary>Moves to the next word; false at the end of the text.</summary>
    public bool MoveNext()
    {
        if (_pendingWhole)
        {
            _pendingWhole = false;
            Kind = TokenKind.Whole;
            return true;
        }
        while (_pos < _text.Length)
        {
            _length = 0;
            var overflow = false;
            var separator = ReadWord(_text, ref _pos, _word, ref _length, ref overflow);
            // A joiner is only taken when a letter or digit follows, so a run never continues into nothing.
            if (_length == 0) continue;
            if (_parts == 0)
            {
                _wholeLength = 0;
                _wholeFits = true;
            }
            _parts++;
            var joined = !overflow && (separator is '.' or '_') && _pos < _text.Length && char.IsAsciiLetterOrDigit(_text[_pos]);
            // A word on its own is never given whole, so only a run's parts are copied there.
            if (overflow) _wholeFits = false;
            else if (joined || _parts > 1) AppendWhole(_word[.._length]);
            var partsInRun = _parts;
            if (joined)
            {
                if (_wholeFits && _wholeLength < SearchNormalizer.MaxTokenLength) _whole[_wholeLength++] = separator;
                else _wholeFits = false;
            }
            else
            {
                _parts = 0;
                _pendingWhole = partsInRun > 1 && _wholeFits;
            }
            if (overflow)
            {
                _parts = 0;
                continue;
            }
            Kind = joined || partsInRun > 1 ? TokenKind.Part : TokenKind.Single;
            return true;
        }
        return false;
    }

    private void AppendWhole(scoped ReadOnlySpan<char> chars)
    {
        if (!_wholeFits) return;
        if (_wholeLength + chars.Length > SearchNormalizer.MaxTokenLength) { _wholeFits = false; return; }
        chars.CopyTo(_whole[_wholeLength..]);
        _wholeLength += chars.Length;
    }

    /// <summary>
    /// Appends folded characters up to the next separator, which is consumed and returned ('\0' at the end of the
    /// text or for a separator outside ASCII).
    /// </summary>
    internal static char ReadWord(ReadOnlySpan<char> text, ref int pos, Span<char> buffer, ref int length, ref bool overflow)
    {
        while (pos < text.Length)
        {
            var c = text[pos];
            if (c < 128)
            {
                pos++;
                // Letters (folded to lower case by the 0x20 bit) and digits: nearly every character of a brief.
                var lower = (char)(c | 0x20);
                if ((uint)(lower - 'a') <= 'z' - 'a') c = lower;
                else if ((uint)(c - '0') > 9)
                {
                    if (c != '\'' || length == 0) return c;
                    if (IsPossessive(text, pos)) { pos++; return '\0'; }
                    continue;
                }
                if (length < SearchNormalizer.MaxTokenLength) buffer[length++] = c;
                else overflow = true;
                continue;
            }
            if (c == '\u2019' && length > 0)
            {
                pos++;
                if (IsPossessive(text, pos)) { pos++; return '\0'; }
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
                return '\0';
            }
            pos += used;
            var category = Rune.GetUnicodeCategory(rune);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            if (!IsWordCategory(category)) return '\0';
            var lowerRune = Rune.ToLowerInvariant(rune);
            if (lowerRune.IsBmp)
            {
                Append(buffer, ref length, ref overflow, (char)lowerRune.Value);
                continue;
            }
            Append(buffer, ref length, ref overflow, (char)(0xD800 + ((lowerRune.Value - 0x10000) >> 10)));
            Append(buffer, ref length, ref overflow, (char)(0xDC00 + ((lowerRune.Value - 0x10000) & 0x3FF)));
        }
        return '\0';
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
        if (length >= SearchNormalizer.MaxTokenLength) { overflow = true; return; }
        buffer[length++] = c;
    }
}
