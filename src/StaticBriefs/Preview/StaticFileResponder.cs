using System.Buffers;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Microsoft.Win32.SafeHandles;

namespace StaticBriefs.Preview;

/// <summary>
/// Streams one file from disk with validators, conditional answers and, unless <paramref name="reloadTag"/>
/// is empty, the reload tag added to HTML.
/// </summary>
internal sealed class StaticFileResponder(byte[] reloadTag)
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>Writes the file as the response; false when it vanished between resolving and opening.</summary>
    public async Task<bool> ServeAsync(HttpContext context, string path, int statusCode)
    {
        SafeFileHandle file;
        try
        {
            // FileShare.Delete: a build may rename the whole output folder away while we stream.
            file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.Asynchronous);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        using (file)
        {
            await WriteAsync(context, file, path, statusCode);
        }

        return true;
    }

    private async Task WriteAsync(HttpContext context, SafeFileHandle file, string path, int statusCode)
    {
        var request = context.Request;
        var response = context.Response;
        var length = RandomAccess.GetLength(file);
        var modified = File.GetLastWriteTimeUtc(file);
        var contentType = ContentTypes.For(path);
        var injectTag = reloadTag.Length > 0 && ContentTypes.IsHtml(contentType);

        response.StatusCode = statusCode;
        response.ContentType = contentType;
        response.Headers.CacheControl = "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";

        if (statusCode == StatusCodes.Status200OK)
        {
            // HTML bytes differ from the file (the tag is added), so its tag differs from a plain one.
            var etag = new EntityTagHeaderValue(string.Create(CultureInfo.InvariantCulture, $"\"{length:x}-{modified.Ticks:x}{(injectTag ? "-lr" : "")}\""));
            var lastModified = new DateTimeOffset(modified.Ticks - (modified.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            response.Headers.ETag = etag.ToString();
            response.Headers.LastModified = lastModified.ToString("r", CultureInfo.InvariantCulture);
            if (IsNotModified(request, etag, lastModified))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.Headers.ContentType = default;
                return;
            }
        }

        response.ContentLength = length + (injectTag ? reloadTag.Length : 0);
        if (HttpMethods.IsHead(request.Method))
        {
            return;
        }

        if (injectTag && length <= HtmlInjection.TailBytes)
        {
            // Nearly every page: one read, find the spot, one write.
            await WriteSmallHtmlAsync(context, file, (int)length);
            return;
        }

        var insertAt = injectTag ? await HtmlInjection.FindOffsetAsync(file, length, context.RequestAborted) : length;

        var complete = await CopyAsync(context, file, 0, insertAt);
        if (complete && injectTag)
        {
            // WriteAsync flushes: Kestrel does not send bytes left unflushed when the handler returns.
            await response.BodyWriter.WriteAsync(reloadTag, context.RequestAborted);
            complete = await CopyAsync(context, file, insertAt, length);
        }

        if (!complete)
        {
            // The file shrank under us: we promised Content-Length bytes, so the only honest end is a reset.
            context.Abort();
        }
    }

    private async Task WriteSmallHtmlAsync(HttpContext context, SafeFileHandle file, int length)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            var read = await HtmlInjection.ReadFullyAsync(file, buffer.AsMemory(0, length), 0, context.RequestAborted);
            if (read < length)
            {
                context.Abort();
                return;
            }

            var page = buffer.AsMemory(0, length);
            var index = HtmlInjection.LastIndexOfBodyClose(page.Span);
            var insertAt = index < 0 ? length : index;
            var writer = context.Response.BodyWriter;
            writer.Write(page.Span[..insertAt]);
            writer.Write(reloadTag);
            writer.Write(page.Span[insertAt..]);
            await writer.FlushAsync(context.RequestAborted);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool IsNotModified(HttpRequest request, EntityTagHeaderValue etag, DateTimeOffset lastModified)
    {
        var headers = request.GetTypedHeaders();
        var ifNoneMatch = headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            // RFC 9110: If-None-Match wins over If-Modified-Since and uses weak comparison.
            foreach (var candidate in ifNoneMatch)
            {
                if (candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(etag, useStrongComparison: false))
                {
                    return true;
                }
            }

            return false;
        }

        return headers.IfModifiedSince is { } since && lastModified <= since;
    }

    private static async Task<bool> CopyAsync(HttpContext context, SafeFileHandle file, long from, long to)
    {
        var writer = context.Response.BodyWriter;
        var ct = context.RequestAborted;
        var offset = from;
        while (offset < to)
        {
            var memory = writer.GetMemory((int)Math.Min(ChunkSize, to - offset));
            var want = (int)Math.Min(memory.Length, to - offset);
            var read = await RandomAccess.ReadAsync(file, memory[..want], offset, ct);
            if (read == 0)
            {
                return false;
            }

            writer.Advance(read);
            offset += read;
            var flushed = await writer.FlushAsync(ct);
            if (flushed.IsCompleted || flushed.IsCanceled)
            {
                return offset >= to;
            }
        }

        return true;
    }
}
