using System.Text;
using StaticBriefs.Diagnostics;

namespace StaticBriefs.Loading;

/// <summary>
/// Reads text files the site is made from (briefs, <c>_data/*.yml</c>, <c>_site.yml</c>): UTF-8, or UTF-16/32 when
/// a byte order mark says so, without the mark. Bytes that are not valid in the encoding are an error at the
/// line and column where they start, never a silent U+FFFD. Reading bytes then decoding once is several times
/// cheaper than <c>ReadAllText</c>'s stream reader, which a 10,000-brief load spent most of its time in (measured).
/// </summary>
public static class SourceText
{
    /// <summary>Largest text file read (16 MiB): a brief or data file beyond it is a mistake, not content.</summary>
    public const long MaxBytes = 16L * 1024 * 1024;

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Reads and decodes <paramref name="readPath"/>; null after reporting against <paramref name="display"/> when it
    /// cannot be read, is too big, or is not valid text.
    /// </summary>
    public static string? Read(string readPath, string display, DiagnosticBag diagnostics) =>
        ReadBytes(readPath, display, diagnostics) is { } bytes ? Decode(bytes, display, diagnostics) : null;

    /// <summary>A file's bytes, or null after reporting why they cannot be had (permissions, I/O, size).</summary>
    public static byte[]? ReadBytes(string readPath, string display, DiagnosticBag diagnostics) =>
        ReadInto(readPath, display, diagnostics, static length => new byte[length], out var read) is { } bytes
            ? (read == bytes.Length ? bytes : bytes[..read])
            : null;

    /// <summary>
    /// As <see cref="ReadBytes"/>, into a buffer rented from <see cref="System.Buffers.ArrayPool{T}.Shared"/> that the
    /// caller returns; its first <paramref name="read"/> bytes are the file's. For a file read once, decoded, and let go:
    /// the load's copy of every markdown file was 6 MB of what a 750-post blog's build allocated.
    /// </summary>
    public static byte[]? ReadRented(string readPath, string display, DiagnosticBag diagnostics, out int read) =>
        ReadInto(readPath, display, diagnostics, static length => System.Buffers.ArrayPool<byte>.Shared.Rent(length), out read);

    private static byte[]? ReadInto(string readPath, string display, DiagnosticBag diagnostics, Func<int, byte[]> buffer, out int read)
    {
        read = 0;
        try
        {
            // One open, one fstat, one read: what File.ReadAllBytes does, with the size checked before the buffer exists.
            using var handle = File.OpenHandle(readPath, FileMode.Open, FileAccess.Read, FileShare.Read);
            var length = RandomAccess.GetLength(handle);
            if (length > MaxBytes)
            {
                diagnostics.Error(display, 0, DiagnosticCodes.FileTooLarge,
                    $"is {length / (1024 * 1024)} MiB; text files the site is made from may be at most {MaxBytes / (1024 * 1024)} MiB");
                return null;
            }
            var bytes = buffer((int)length);
            read = ReadAt(handle, bytes.AsSpan(0, (int)length), 0);
            return bytes;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(display, 0, DiagnosticCodes.IoError, $"cannot be read ({Reason(ex)}); fix its permissions or remove it");
            return null;
        }
    }

    /// <summary>True when <paramref name="bytes"/> are read as UTF-8 (no mark, or UTF-8's), not UTF-16 or UTF-32.</summary>
    public static bool IsUtf8(ReadOnlySpan<byte> bytes) => Detect(bytes).Name == "UTF-8";

    /// <summary>
    /// The last <paramref name="count"/> bytes of a UTF-8 file, decoded; false, reporting nothing, when the file is
    /// shorter, cannot be read or those bytes are not valid UTF-8.
    /// </summary>
    public static bool TryReadUtf8Tail(string readPath, int count, out string text)
    {
        text = "";
        try
        {
            using var handle = File.OpenHandle(readPath, FileMode.Open, FileAccess.Read, FileShare.Read);
            var length = RandomAccess.GetLength(handle);
            if (count > length) return false;
            var bytes = System.Buffers.ArrayPool<byte>.Shared.Rent(count);
            try
            {
                if (ReadAt(handle, bytes.AsSpan(0, count), length - count) < count) return false;
                text = Utf8.GetString(bytes, 0, count);
                return true;
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>Reads into all of <paramref name="into"/> from <paramref name="offset"/>, or until the file ends; bytes read.</summary>
    private static int ReadAt(Microsoft.Win32.SafeHandles.SafeFileHandle handle, Span<byte> into, long offset)
    {
        var read = 0;
        while (read < into.Length)
        {
            var count = RandomAccess.Read(handle, into[read..], offset + read);
            if (count == 0) break;
            read += count;
        }
        return read;
    }

    /// <summary>Decodes bytes read from a file; null after reporting the first invalid byte's line and column.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, string display, DiagnosticBag diagnostics)
    {
        if (TryDecode(bytes, out var text, out var failure)) return text;
        diagnostics.Error(display, failure.Line, DiagnosticCodes.InvalidEncoding,
            $"is not valid {failure.Encoding} here (byte 0x{failure.Byte:X2}); save the file as UTF-8", failure.Column);
        return null;
    }

    /// <summary>
    /// Decodes UTF-8 <paramref name="bytes"/> (after a byte order mark, if any) into a buffer rented from
    /// <see cref="System.Buffers.ArrayPool{T}.Shared"/> that the caller returns; its first <paramref name="length"/>
    /// characters are the text <see cref="TryDecode"/> gives. False, renting nothing, for another encoding or an invalid
    /// byte (<see cref="Decode"/> then says where). For a text read once and let go: a build without the cache keeps
    /// only a brief's front matter, and a string of each file was 150 MB of what 10,000 briefs allocated.
    /// </summary>
    public static bool TryDecodeUtf8Rented(ReadOnlySpan<byte> bytes, out char[] chars, out int length)
    {
        var (_, skip, name) = Detect(bytes);
        chars = [];
        length = 0;
        if (name != "UTF-8") return false;
        var rented = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(1, bytes.Length - skip));
        if (System.Text.Unicode.Utf8.ToUtf16(bytes[skip..], rented, out _, out var written, replaceInvalidSequences: false) != System.Buffers.OperationStatus.Done)
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
            return false;
        }
        (chars, length) = (rented, written);
        return true;
    }

    /// <summary>Where decoding stopped: 1-based line and column (in characters) of the first invalid byte.</summary>
    public readonly record struct DecodeFailure(int Line, int Column, byte Byte, string Encoding);

    /// <summary>Decodes strictly; on failure, says where the first invalid byte is.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text, out DecodeFailure failure)
    {
        var (encoding, skip, name) = Detect(bytes);
        var body = bytes[skip..];
        failure = default;
        try
        {
            text = encoding.GetString(body);
            return true;
        }
        catch (DecoderFallbackException ex)
        {
            var index = Math.Clamp(ex.Index, 0, body.Length);
            // The prefix before the bad byte decodes (that is how the index was found): count lines in it.
            var prefix = Encoding.GetEncoding(encoding.CodePage).GetString(body[..AlignDown(index, name)]);
            var lineStart = prefix.LastIndexOf('\n') + 1;
            var column = 1;
            for (var i = lineStart; i < prefix.Length; i++)
            {
                if (!char.IsLowSurrogate(prefix[i])) column++;
            }
            var line = 1 + prefix.AsSpan().Count('\n');
            failure = new DecodeFailure(line, column, index < body.Length ? body[index] : (byte)0, name);
            text = "";
            return false;
        }
    }

    private static (Encoding Encoding, int Skip, string Name) Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\uFEFF"u8)) return (Utf8, 3, "UTF-8");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0])) return (new UTF32Encoding(false, false, true), 4, "UTF-32");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF])) return (new UTF32Encoding(true, false, true), 4, "UTF-32");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (new UnicodeEncoding(false, false, true), 2, "UTF-16");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (new UnicodeEncoding(true, false, true), 2, "UTF-16");
        return (Utf8, 0, "UTF-8");
    }

    private static int AlignDown(int index, string encoding) => encoding switch
    {
        "UTF-16" => index & ~1,
        "UTF-32" => index & ~3,
        _ => index,
    };

    private static string Reason(Exception ex) => ex switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => "it disappeared while the site was read",
        _ => ex.Message.TrimEnd('.'),
    };
}
