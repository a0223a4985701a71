using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace StaticBriefs.Preview;

/// <summary>Finds where in an HTML file the reload tag goes, reading only the file's tail.</summary>
internal static class HtmlInjection
{
    // "</body>" is near the end of any page we generate; reading only the tail keeps memory bounded
    // however large the page is.
    internal const int TailBytes = 16 * 1024;

    /// <summary>Offset of the last <c>&lt;/body</c>, or the file length (append) when there is none.</summary>
    public static async ValueTask<long> FindOffsetAsync(SafeFileHandle file, long length, CancellationToken ct)
    {
        var size = (int)Math.Min(length, TailBytes);
        if (size == 0)
        {
            return length;
        }

        var start = length - size;
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var read = await ReadFullyAsync(file, buffer.AsMemory(0, size), start, ct);
            var index = LastIndexOfBodyClose(buffer.AsSpan(0, read));
            return index < 0 ? length : start + index;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads until <paramref name="destination"/> is full or the file ends; returns the bytes read.</summary>
    internal static async ValueTask<int> ReadFullyAsync(SafeFileHandle file, Memory<byte> destination, long offset, CancellationToken ct)
    {
        var read = 0;
        while (read < destination.Length)
        {
            var n = await RandomAccess.ReadAsync(file, destination[read..], offset + read, ct);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return read;
    }

    internal static int LastIndexOfBodyClose(ReadOnlySpan<byte> html)
    {
        ReadOnlySpan<byte> needle = "</body"u8;
        for (var i = html.Length - needle.Length; i >= 0; i--)
        {
            if (html[i] == '<' && AsciiEqualsIgnoreCase(html.Slice(i, needle.Length), needle))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool AsciiEqualsIgnoreCase(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) =>
        System.Text.Ascii.EqualsIgnoreCase(a, b);
}
