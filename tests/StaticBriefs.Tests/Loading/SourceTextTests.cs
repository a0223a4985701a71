using System.Text;
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

        Assert.Equal(Text, SourceText.Read(path));
        Assert.Equal(File.ReadAllText(path), SourceText.Read(path));
    }

    [Fact]
    public void Invalid_utf8_becomes_replacement_characters_as_ReadAllText_does()
    {
        var path = Path.Combine(_dir, "bad.md");
        File.WriteAllBytes(path, [(byte)'a', 0xC3, (byte)'b', 0xFF, (byte)'c']);

        Assert.Equal(File.ReadAllText(path), SourceText.Read(path));
        Assert.Equal("a\uFFFDb\uFFFDc", SourceText.Read(path));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
