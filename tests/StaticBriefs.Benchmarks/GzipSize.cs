using System.IO.Compression;
using Microsoft.Playwright;

namespace StaticBriefs.Benchmarks;

/// <summary>
/// A response's size as a host that compresses would send it: the body gzipped at the optimal level, or as served
/// when that is smaller (Pagefind's index files are gzipped already). The preview server does not compress, and
/// Netlify and GitHub Pages do, so bytes served overstate what readers download for JSON and JS.
/// </summary>
internal static class GzipSize
{
    public static async Task<long> OfAsync(IResponse? response, long served)
    {
        if (response is null) return served;
        byte[] body;
        try { body = await response.BodyAsync(); }
        catch (PlaywrightException) { return served; } // a redirect or an aborted request has no body
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(body);
        return Math.Min(served, buffer.Length);
    }
}
