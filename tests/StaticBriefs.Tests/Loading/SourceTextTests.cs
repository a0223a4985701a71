using System.Text;
using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;

namespace StaticBriefs.Tests.Loading;

public sealed class SourceTextTests : IDisposable
{
    private const string Text = "---\ntitle: Café — “Zürich” 🚀\n---\nBody ünïcode.\n";
    private readonly string _dir = Directory.CreateTempSubdirectory("sb-text-").FullName;

    public static TheoryData<string> Encodings => new() { "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "utf-32le" };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Decodes_like_ReadAllText_and_drops_the_byte_order_mark(string name)
    {
        Encoding encoding = name switch
        {
            "utf-8" => new UTF8Encoding(false),
            "utf-8-bom" => new UTF8Encoding(true),
            "utf-16le" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
            "utf-16be" => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
            _ => new UTF32Encoding(bigEndian: false, byteOrderMark: true),
        };
        var path = Path.Combine(_dir, name + ".md");
        File.WriteAllText(path, Text, encoding);
        var diagnostics = new DiagnosticBag();

        Assert.Equal(Text, SourceText.Read(path, "x.md", diagnostics));
        Assert.Equal(File.ReadAllText(path), SourceText.Read(path, "x.md", diagnostics));
        Assert.Empty(diagnostics.Sorted());
    }

    [Fact]
    public void Invalid_utf8_is_an_error_at_the_line_and_column_of_the_first_bad_byte_not_a_replacement_character()
    {
        var path = Path.Combine(_dir, "bad.md");
        File.WriteAllBytes(path, [.. "ab\nc"u8, .. "ü"u8, (byte)'d', 0xC3, (byte)'x', 0xFF]);
        var diagnostics = new DiagnosticBag();

        Assert.Null(SourceText.Read(path, "briefs/bad.md", diagnostics));

        var error = Assert.Single(diagnostics.Sorted());
        Assert.Equal("briefs/bad.md:2:4: error SB034: is not valid UTF-8 here (byte 0xC3); save the file as UTF-8", error.ToString());
    }

    [Fact]
    public void An_unpaired_surrogate_in_utf16_is_an_error_too()
    {
        byte[] bytes = [0xFF, 0xFE, (byte)'a', 0, (byte)'\n', 0, 0x00, 0xD8, (byte)'b', 0];
        Assert.False(SourceText.TryDecode(bytes, out _, out var failure));
        Assert.Equal(("UTF-16", 2), (failure.Encoding, failure.Line));
    }

    [Fact]
    public void A_file_larger_than_the_cap_is_refused_without_reading_it()
    {
        var path = Path.Combine(_dir, "huge.md");
        using (var stream = File.Create(path)) stream.SetLength(SourceText.MaxBytes + 1);
        var diagnostics = new DiagnosticBag();

        Assert.Null(SourceText.Read(path, "huge.md", diagnostics));

        Assert.Equal(DiagnosticCodes.FileTooLarge, Assert.Single(diagnostics.Sorted()).Code);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_file_read_into_a_rented_buffer_is_its_bytes_and_the_buffer_is_reused_rather_than_made_again()
    {
        // A build without the cache reads each markdown file once and lets its bytes go (SiteLoader).
        var path = Path.Combine(_dir, "long.md");
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Acme hired a chief financial officer.\n", 20_000)));
        File.WriteAllBytes(path, bytes);
        System.Buffers.ArrayPool<byte>.Shared.Return(SourceText.ReadRented(path, "long.md", new DiagnosticBag(), out _)!);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var rented = SourceText.ReadRented(path, "long.md", new DiagnosticBag(), out var read);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.NotNull(rented);
        Assert.Equal(bytes, rented.AsSpan(0, read).ToArray());
        System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        Assert.InRange(allocated, 0, bytes.Length / 8);
    }
}

