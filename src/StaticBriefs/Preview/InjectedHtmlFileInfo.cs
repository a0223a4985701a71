using Microsoft.Extensions.FileProviders;

namespace StaticBriefs.Preview;

/// <summary>
/// An HTML page with the live-reload tag added before its last <c>&lt;/body&gt;</c> (or at the end). The bytes are
/// read once, when the request asks for the file, so length, validators and body always describe the same page even
/// while a rebuild replaces it.
/// </summary>
internal sealed class InjectedHtmlFileInfo : IFileInfo
{
    private readonly byte[] _content;

    private InjectedHtmlFileInfo(string name, byte[] content, DateTimeOffset modified)
    {
        Name = name;
        _content = content;
        LastModified = modified;
    }

    public bool Exists => true;

    public long Length => _content.Length;

    // No physical path: the middleware must stream our bytes, not send the file from disk.
    public string? PhysicalPath => null;

    public string Name { get; }

    public DateTimeOffset LastModified { get; }

    public bool IsDirectory => false;

    public Stream CreateReadStream() => new MemoryStream(_content, writable: false);

    /// <summary>The page with the tag, or null when it vanished before it could be read.</summary>
    public static InjectedHtmlFileInfo? TryRead(FileInfo file, byte[] tag)
    {
        byte[] page;
        DateTime modified;
        try
        {
            page = File.ReadAllBytes(file.FullName);
            modified = File.GetLastWriteTimeUtc(file.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        var at = HtmlInjection.LastIndexOfBodyClose(page);
        if (at < 0) at = page.Length;
        var content = new byte[page.Length + tag.Length];
        page.AsSpan(0, at).CopyTo(content);
        tag.CopyTo(content.AsSpan(at));
        page.AsSpan(at).CopyTo(content.AsSpan(at + tag.Length));
        return new InjectedHtmlFileInfo(file.Name, content, new DateTimeOffset(modified, TimeSpan.Zero));
    }
}
