using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static StaticBriefs.Rendering.Social.GlyphAtlas;

namespace StaticBriefs.Rendering.Social;

/// <summary>
/// Text bands written from the card's layout (<see cref="CardPlan"/>): where no two glyphs touch, a row of a band is
/// its filter byte, the bar, and the rows of its glyphs between runs of background, so each glyph's rows are coded once
/// (<see cref="GlyphRowCodes"/>) and copied, a few chunks of bits a row, where <see cref="Code"/> looks at every byte
/// for a match. A glyph row takes matches of the row above only where the card's row above holds the glyph's row above
/// and nothing else; the stream is valid deflate whatever it chose, and inflates to the same bytes.
/// </summary>
internal sealed partial class RowMatchCoder
{
    private const ulong Low48 = (1UL << 48) - 1, Low56 = (1UL << 56) - 1;
    private const int ChunkBits = 56;

    // By trained code: the chunks of a run of background of each length from 0 to the row's, made on first use.
    private readonly ulong[][]?[] _gaps = new ulong[][]?[TrainedCardCodes.ByInk.Count];

    /// <summary>
    /// Writes <paramref name="data"/> (whole rows, from row <paramref name="firstRow"/> of the card) from
    /// <paramref name="plan"/> as <see cref="Write"/> would write it, in other symbols; false, with nothing written, when
    /// the plan cannot say what the rows hold (a text reaching past the card, two texts on one row, glyphs touching).
    /// </summary>
    public bool TryWritePlanned(ReadOnlySpan<byte> data, int firstRow, CardPlan plan, MemoryStream output)
    {
        if (Stride == 0 || data.IsEmpty || data.Length % Stride != 0 || plan.Width + 1 != Stride || plan.BarWidth is < 1 or > RowMatches.MaxMatch)
            return false;
        var rows = data.Length / Stride;
        var texts = new List<PlannedText>();
        foreach (var text in plan.Texts)
        {
            if (text.Top >= firstRow + rows || text.Bottom <= firstRow) continue;
            if (!text.Whole || (texts.Count > 0 && texts[^1].Bottom > text.Top)) return false;
            texts.Add(text);
        }
        var table = Math.Min(InkOf(data), _codes.Length - 1);
        var code = _codes[table];
        var capacity = code.Header.Length + 2 * data.Length + 24;
        var buffer = ArrayPool<byte>.Shared.Rent(capacity);
        var spans = ArrayPool<int>.Shared.Rent(6 * (Stride + 1));
        try
        {
            var written = Planned(data, firstRow, texts, plan, table, buffer, spans);
            if (written < 0) return false;
            if (written > data.Length + 5L * ((data.Length + StoredMax - 1) / StoredMax)) WriteStored(data, output);
            else output.Write(buffer, 0, written);
            return true;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(spans);
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The block written row by row from the plan; the bytes written, or -1 where two glyphs' rows touch. A row is cut
    /// into pieces (filter byte and bar, each glyph's row, the background between): each is written as its glyph's
    /// chunks or a run of background, except that bytes equal to the row above, piece after piece, go as matches of the
    /// row above (a row of a band is mostly the one above it), reaching into a glyph's row as far as its first and last
    /// bytes equal the row above. Each row notes its glyph spans (start, end, text and glyph: three ints each) in one
    /// half of <paramref name="spans"/>, so the next row can tell what lies above each piece.
    /// </summary>
    private int Planned(ReadOnlySpan<byte> data, int firstRow, List<PlannedText> texts, CardPlan plan, int table, byte[] buffer, int[] spans)
    {
        var code = _codes[table];
        var gaps = Gaps(table);
        var row = new RowWriter(new BitSink(buffer, code), code, gaps);
        var half = 3 * (Stride + 1);
        int before = 0, now = half, beforeCount = 0;
        var next = 0;
        var codesFor = -1;
        var codes = Array.Empty<GlyphRowCodes>();
        var rowCount = data.Length / Stride;
        var barEnd = 1 + plan.BarWidth;
        for (var y = 0; y < rowCount; y++)
        {
            var filter = data[y * Stride];
            if (filter == 2)
            {
                row.Bits.Symbol(code.Literals[2]);
                row.Bits.Chunks(gaps[Stride - 1]);
                beforeCount = 0;
                continue;
            }
            if (filter != 0) return -1;
            // The row above as it is written (not as zeros of the Up filter), in this stretch.
            var aboveRaw = y > 0 && data[(y - 1) * Stride] == 0;
            if (aboveRaw && barEnd >= RowMatches.MinRowMatch) row.Chain = 0;
            else
            {
                row.Bits.Symbol(code.Literals[0]);
                row.Bits.Symbol(code.Literals[CardInks.BarIndex]);
                Repeat(ref row.Bits, code, plan.BarWidth - 1);
            }
            var cursor = barEnd;
            var scan = 0;
            var at = firstRow + y;
            while (next < texts.Count && texts[next].Bottom <= at) next++;
            var count = 0;
            if (next < texts.Count && texts[next].Top <= at)
            {
                var text = texts[next];
                var glyphs = text.Glyphs;
                if (codesFor != next)
                {
                    // Each glyph's codes, looked up once a text rather than once a row.
                    if (codes.Length < glyphs.Length) codes = new GlyphRowCodes[glyphs.Length];
                    for (var g = 0; g < glyphs.Length; g++) codes[g] = CodesOf(glyphs[g].Image, text.Ink, table, plan.Inks);
                    codesFor = next;
                }
                // Spans are told apart by text and glyph: the row above may be another text's.
                var textId = next << 16;
                for (var g = 0; g < glyphs.Length; g++)
                {
                    var (_, left, top) = glyphs[g];
                    var glyph = codes[g];
                    var r = at - top;
                    if ((uint)r >= (uint)glyph.From.Length) continue;
                    var (from, to) = (glyph.From[r], glyph.To[r]);
                    if (from >= to) continue;
                    var x0 = 1 + left + from;
                    var x1 = 1 + left + to;
                    if (x0 < cursor) return -1;
                    if (x0 > cursor) row.Gap(cursor, x0, aboveRaw && Above(spans, before, beforeCount, ref scan, cursor, x0, -1));
                    // The glyph's row above may be matched where the row above holds it alone.
                    var id = textId | g;
                    row.Glyph(glyph, r, x0, x1, r > 0 && aboveRaw && Above(spans, before, beforeCount, ref scan, x0, x1, id));
                    spans[now + (3 * count)] = x0;
                    spans[now + (3 * count) + 1] = x1;
                    spans[now + (3 * count) + 2] = id;
                    count++;
                    cursor = x1;
                }
            }
            if (Stride > cursor) row.Gap(cursor, Stride, aboveRaw && Above(spans, before, beforeCount, ref scan, cursor, Stride, -1));
            row.EndRow(Stride);
            (before, now, beforeCount) = (now, before, count);
        }
        return row.Bits.End(code.Literals[EndOfBlock]);
    }

    /// <summary>
    /// Whether the row above holds, between <paramref name="start"/> and <paramref name="end"/>, only the span of glyph
    /// <paramref name="id"/> (or, for -1, no span at all). <paramref name="scan"/> moves past spans ending before the
    /// start: pieces are asked about from left to right.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Above(int[] spans, int offset, int count, ref int scan, int start, int end, int id)
    {
        while (scan < count && spans[offset + (3 * scan) + 1] <= start) scan++;
        for (var k = scan; k < count && spans[offset + (3 * k)] < end; k++)
        {
            if (spans[offset + (3 * k) + 2] != id) return false;
        }
        return true;
    }

    /// <summary>
    /// Writes one row's pieces, left to right. Bytes equal to the row above are gathered from <see cref="Chain"/> (-1:
    /// none) and written as row matches when a byte differs; a chain starts only where it is sure to reach four bytes.
    /// A glyph's row whose last bytes equal the row above waits (<see cref="_pending"/>) until the next piece says
    /// whether a chain can start in them.
    /// </summary>
    private ref struct RowWriter(BitSink bits, TrainedCode code, ulong[][] gaps)
    {
        public BitSink Bits = bits;
        public int Chain = -1;
        private GlyphRowCodes? _pending;
        private int _pendingRow, _pendingEnd;
        private bool _pendingLead;

        /// <summary>Background from <paramref name="start"/> to <paramref name="end"/>; <paramref name="equal"/> when the row above is background there too.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Gap(int start, int end, bool equal)
        {
            var length = end - start;
            Resolve(equal ? length : 0);
            if (equal && (Chain >= 0 || length >= RowMatches.MinRowMatch))
            {
                if (Chain < 0) Chain = start;
                return;
            }
            Flush(start);
            Bits.Chunks(gaps[length]);
        }

        /// <summary>
        /// Row <paramref name="r"/> of a glyph, from <paramref name="start"/> to <paramref name="end"/>; <paramref name="upward"/>
        /// when the row above holds the glyph's row above there and nothing else.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Glyph(GlyphRowCodes glyph, int r, int start, int end, bool upward)
        {
            var lead = upward ? glyph.Lead[r] : 0;
            var length = end - start;
            Resolve(lead);
            if (upward && lead == length)
            {
                // The whole row is the row above: matched with its neighbours, or written alone when too short to start.
                if (Chain >= 0) return;
                if (length >= RowMatches.MinRowMatch)
                {
                    Chain = start;
                    return;
                }
                Write(glyph, GlyphRowCodes.Upward, r);
                return;
            }
            var fromLead = false;
            if (Chain >= 0)
            {
                // The matches gathered reach into the row as far as its first bytes equal the row above.
                Flush(start + lead);
                fromLead = lead > 0;
            }
            if (upward && glyph.Trail[r] > 0)
            {
                (_pending, _pendingRow, _pendingEnd, _pendingLead) = (glyph, r, end, fromLead);
                return;
            }
            Write(glyph, !upward ? GlyphRowCodes.Alone : fromLead ? GlyphRowCodes.FromLead : GlyphRowCodes.Upward, r);
        }

        /// <summary>The end of a row: what waits, then the matches gathered, to <paramref name="end"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void EndRow(int end)
        {
            Resolve(0);
            Flush(end);
        }

        /// <summary>
        /// Writes the glyph row waiting, given that the next piece's first <paramref name="equalNext"/> bytes equal the
        /// row above: its last bytes then start a chain when that chain reaches four bytes.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Resolve(int equalNext)
        {
            if (_pending is not { } glyph) return;
            _pending = null;
            var trail = glyph.Trail[_pendingRow];
            if (equalNext > 0 && trail + equalNext >= RowMatches.MinRowMatch)
            {
                Write(glyph, _pendingLead ? GlyphRowCodes.Between : GlyphRowCodes.UntilTrail, _pendingRow);
                Chain = _pendingEnd - trail;
                return;
            }
            Write(glyph, _pendingLead ? GlyphRowCodes.FromLead : GlyphRowCodes.Upward, _pendingRow);
        }

        /// <summary>The matches gathered so far, up to <paramref name="end"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Flush(int end)
        {
            if (Chain < 0) return;
            RowUps(ref Bits, code, end - Chain);
            Chain = -1;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Write(GlyphRowCodes glyph, int way, int r)
        {
            var at = (way * (glyph.From.Length + 1)) + r;
            var starts = glyph.Starts;
            Bits.Chunks(glyph.Chunks.AsSpan(starts[at], starts[at + 1] - starts[at]));
        }
    }

    /// <summary>Matches of the row above covering <paramref name="length"/> (at least four) bytes, 258 at most, none under four.</summary>
    private static void RowUps(ref BitSink bits, TrainedCode code, int length)
    {
        while (length > 0)
        {
            var take = RowMatches.Take(length, RowMatches.MinRowMatch);
            bits.Symbol(code.RowUps[take]);
            length -= take;
        }
    }

    /// <summary>Symbols for <paramref name="length"/> more bytes equal to the one before: runs, then literals of the last few.</summary>
    private static void Repeat(ref BitSink bits, TrainedCode code, int length)
    {
        if (length >= RowMatches.MinRun) bits.Symbol(code.Runs[length]);
        else for (var i = 0; i < length; i++) bits.Symbol(code.Literals[CardInks.BarIndex]);
    }

    /// <summary>The gaps of trained code <paramref name="table"/>: a background run of each length, as chunks.</summary>
    private ulong[][] Gaps(int table)
    {
        if (Volatile.Read(ref _gaps[table]) is { } made) return made;
        var code = _codes[table];
        var gaps = new ulong[Stride + 1][];
        var chunks = new List<ulong>();
        for (var length = 0; length <= Stride; length++)
        {
            var packer = new ChunkPacker(chunks);
            if (length > 0) packer.Add(code.Literals[CardInks.BackgroundIndex]);
            // Runs of 258 at most, never leaving one or two bytes a match cannot take, but at the very end.
            for (var rest = length - 1; rest > 0;)
            {
                if (rest < RowMatches.MinRun)
                {
                    packer.Add(code.Literals[CardInks.BackgroundIndex]);
                    rest--;
                    continue;
                }
                var take = RowMatches.Take(rest, RowMatches.MinRun);
                packer.Add(code.Runs[take]);
                rest -= take;
            }
            packer.Flush();
            gaps[length] = [.. chunks];
            chunks.Clear();
        }
        Volatile.Write(ref _gaps[table], gaps);
        return gaps;
    }

    /// <summary>The glyph's rows in <paramref name="ink"/> with trained code <paramref name="table"/>: kept on the image once made.</summary>
    private GlyphRowCodes CodesOf(GlyphImage image, int ink, int table, CardInks inks)
    {
        var slot = (ink * _codes.Length) + table;
        if (slot < GlyphRowCodes.Slots && Volatile.Read(ref image.Codes[slot]) is { } kept && kept.Stride == Stride && ReferenceEquals(kept.Inks, inks))
            return kept;
        var made = MakeCodes(image, inks.Lookup(ink), _codes[table], inks);
        if (slot < GlyphRowCodes.Slots) Volatile.Write(ref image.Codes[slot], made);
        return made;
    }

    /// <summary>
    /// Each row of the glyph, from its first to its last covered pixel, as palette indices cut into literals, runs and
    /// matches of the row above at the same columns, as <see cref="RowMatches"/> cuts a card's bytes: on its own, with
    /// row matches, and with row matches without the first and last bytes that equal the row above (which a card row's
    /// matches of the row above may cover instead).
    /// </summary>
    private GlyphRowCodes MakeCodes(GlyphImage image, ReadOnlySpan<byte> lookup, TrainedCode code, CardInks inks)
    {
        var height = image.Height;
        var width = image.Width;
        var from = new int[height];
        var to = new int[height];
        var indices = new byte[height * width];
        for (var r = 0; r < height; r++)
        {
            var coverage = image.Coverage.AsSpan(r * image.Stride, width);
            var row = indices.AsSpan(r * width, width);
            for (var x = 0; x < coverage.Length; x++) row[x] = lookup[coverage[x]];
            var first = row.IndexOfAnyExcept(CardInks.BackgroundIndex);
            (from[r], to[r]) = first < 0 ? (0, 0) : (first, row.LastIndexOfAnyExcept(CardInks.BackgroundIndex) + 1);
        }
        var lead = new int[height];
        var trail = new int[height];
        for (var r = 1; r < height; r++)
        {
            var segment = indices.AsSpan((r * width) + from[r], to[r] - from[r]);
            var above = indices.AsSpan(((r - 1) * width) + from[r], to[r] - from[r]);
            lead[r] = segment.CommonPrefixLength(above);
            if (lead[r] == segment.Length) continue;
            while (trail[r] < segment.Length && segment[^(trail[r] + 1)] == above[^(trail[r] + 1)]) trail[r]++;
        }
        var chunks = new List<ulong>();
        var starts = new int[GlyphRowCodes.Ways * (height + 1)];
        for (var way = 0; way < GlyphRowCodes.Ways; way++)
        {
            var at = starts.AsSpan(way * (height + 1), height + 1);
            for (var r = 0; r < height; r++)
            {
                at[r] = chunks.Count;
                var segment = indices.AsSpan((r * width) + from[r], to[r] - from[r]);
                var above = r > 0 ? indices.AsSpan(((r - 1) * width) + from[r], to[r] - from[r]) : default;
                var cut = way is GlyphRowCodes.UntilTrail or GlyphRowCodes.Between ? segment.Length - trail[r] : segment.Length;
                var first = way is GlyphRowCodes.FromLead or GlyphRowCodes.Between ? lead[r] : 0;
                Cut(segment[..cut], way == GlyphRowCodes.Alone || above.IsEmpty ? default : above[..cut], first, code, chunks);
            }
            at[height] = chunks.Count;
        }
        return new GlyphRowCodes(Stride, inks, from, to, [.. chunks], starts, lead, trail);
    }

    /// <summary>
    /// <paramref name="segment"/> from <paramref name="first"/> on as symbols: a run where the next three bytes repeat the
    /// one before (never at the segment's first byte, whose byte before is not the segment's), else a match of
    /// <paramref name="above"/> (when given) where four bytes equal it, else a literal; no match leaves the segment.
    /// </summary>
    private static void Cut(ReadOnlySpan<byte> segment, ReadOnlySpan<byte> above, int first, TrainedCode code, List<ulong> chunks)
    {
        var packer = new ChunkPacker(chunks);
        for (var i = first; i < segment.Length;)
        {
            var v = segment[i];
            var window = Math.Min(segment.Length - i, RowMatches.MaxMatch);
            if (i > 0 && window >= RowMatches.MinRun && segment[i - 1] == v && segment[i + 1] == v && segment[i + 2] == v)
            {
                var length = RowMatches.MinRun;
                while (length < window && segment[i + length] == v) length++;
                packer.Add(code.Runs[length]);
                i += length;
            }
            else if (!above.IsEmpty && window >= RowMatches.MinRowMatch && segment.Slice(i, RowMatches.MinRowMatch).SequenceEqual(above.Slice(i, RowMatches.MinRowMatch)))
            {
                var length = RowMatches.MinRowMatch + segment.Slice(i + RowMatches.MinRowMatch, window - RowMatches.MinRowMatch)
                    .CommonPrefixLength(above.Slice(i + RowMatches.MinRowMatch, window - RowMatches.MinRowMatch));
                packer.Add(code.RowUps[length]);
                i += length;
            }
            else
            {
                packer.Add(code.Literals[v]);
                i++;
            }
        }
        packer.Flush();
    }

    /// <summary>Packs symbols (bits, count above bit 48) into chunks of up to 56 bits (count in the top byte).</summary>
    private struct ChunkPacker(List<ulong> chunks)
    {
        private ulong _chunk;
        private int _bits;

        public void Add(ulong symbol)
        {
            var count = (int)(symbol >> 48);
            if (_bits + count > ChunkBits) Flush();
            _chunk |= (symbol & Low48) << _bits;
            _bits += count;
        }

        public void Flush()
        {
            if (_bits == 0) return;
            chunks.Add(_chunk | ((ulong)_bits << ChunkBits));
            (_chunk, _bits) = (0, 0);
        }
    }

    /// <summary>
    /// The block's bits as <see cref="Code"/> writes them: the header copied, then symbols and chunks, whole bytes stored
    /// as they fill (8 bytes written each time, so the buffer keeps 8 to spare).
    /// </summary>
    private ref struct BitSink
    {
        private readonly ref byte _output;
        private readonly byte[] _buffer;
        private int _at;
        private ulong _pending;
        private int _pendingBits;

        public BitSink(byte[] buffer, TrainedCode code)
        {
            _buffer = buffer;
            _output = ref MemoryMarshal.GetArrayDataReference(buffer);
            var headerBytes = code.HeaderBits >> 3;
            code.Header.AsSpan(0, headerBytes).CopyTo(buffer);
            _at = headerBytes;
            _pending = code.Header[headerBytes];
            _pendingBits = code.HeaderBits & 7;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Symbol(ulong symbol) => Put(symbol & Low48, (int)(symbol >> 48));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Chunks(ReadOnlySpan<ulong> chunks)
        {
            foreach (var chunk in chunks) Put(chunk & Low56, (int)(chunk >> ChunkBits));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Put(ulong value, int count)
        {
            _pending |= value << _pendingBits;
            _pendingBits += count;
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref _output, _at), _pending);
            _at += _pendingBits >> 3;
            _pending >>= _pendingBits & ~7;
            _pendingBits &= 7;
        }

        /// <summary>The end code, the sync flush's empty stored block; the bytes written.</summary>
        public int End(ulong endOfBlock)
        {
            Put(endOfBlock & Low48, (int)(endOfBlock >> 48));
            // BFINAL 0, BTYPE 00 (three zero bits), padded to the byte; then LEN 0, NLEN 0xffff.
            _pendingBits += 3;
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref _output, _at), _pending);
            _at += (_pendingBits + 7) >> 3;
            BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(_at), 0xffff0000u);
            return _at + 4;
        }
    }
}
