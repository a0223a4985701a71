using System.Buffers.Binary;

namespace StaticBriefs.Rendering.Social;

/// <summary>
/// Writes deflate's bit stream (each value from its low bit, filling each byte from its low bit) into a buffer sized
/// beforehand, with 4 bytes to spare: whole 32-bit words are stored as they fill. Used for block headers, made once.
/// </summary>
internal ref struct BitWriter(Span<byte> buffer)
{
    private readonly Span<byte> _buffer = buffer;
    private ulong _pending;
    private int _pendingBits, _written;

    /// <summary>Appends the low <paramref name="count"/> bits of <paramref name="value"/> (at most 32).</summary>
    public void Put(uint value, int count)
    {
        _pending |= (ulong)value << _pendingBits;
        _pendingBits += count;
        if (_pendingBits < 32) return;
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer[_written..], (uint)_pending);
        _written += 4;
        _pending >>= 32;
        _pendingBits -= 32;
    }

    /// <summary>How many bytes are stored (all of them after <see cref="AlignToByte"/>).</summary>
    public readonly int Written => _written;

    /// <summary>Pads with zero bits to the next byte and stores every pending byte.</summary>
    public void AlignToByte()
    {
        while (_pendingBits > 0)
        {
            _buffer[_written++] = (byte)_pending;
            _pending >>= 8;
            _pendingBits = Math.Max(0, _pendingBits - 8);
        }
    }
}
