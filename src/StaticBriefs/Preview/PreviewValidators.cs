using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace StaticBriefs.Preview;

/// <summary>
/// The preview's entity tags. The static file middleware derives its own from the length and the modification time
/// cut to whole seconds, so a page rebuilt within the same second at the same length (one letter fixed) would be
/// answered "304 Not Modified" and the reloaded tab would keep the old page. These tags use the full time, the
/// length, and whether the reload tag was added; the middleware then serves with conditions removed.
/// </summary>
internal static class PreviewValidators
{
    /// <summary>Sets the tag; answers 304 and returns true when the client already has this version.</summary>
    public static bool Apply(HttpContext context, IFileInfo file)
    {
        var request = context.Request;
        var tag = new EntityTagHeaderValue(string.Create(CultureInfo.InvariantCulture,
            $"\"{file.Length:x}-{file.LastModified.UtcTicks:x}{(file.PhysicalPath is null ? "-lr" : "")}\""));
        var notModified = false;
        var headers = request.GetTypedHeaders();
        var ifNoneMatch = headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            // RFC 9110: weak comparison for If-None-Match, which wins over If-Modified-Since.
            foreach (var candidate in ifNoneMatch)
            {
                if (candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(tag, useStrongComparison: false)) notModified = true;
            }
        }
        else if (headers.IfModifiedSince is { } since)
        {
            // HTTP dates have whole seconds: a client with only a date gets what the date can tell.
            var modified = file.LastModified.UtcTicks - (file.LastModified.UtcTicks % TimeSpan.TicksPerSecond);
            notModified = modified <= since.UtcTicks;
        }

        // The middleware would compare its own, coarser validators: ours have been applied.
        request.Headers.Remove(HeaderNames.IfNoneMatch);
        request.Headers.Remove(HeaderNames.IfModifiedSince);
        request.Headers.Remove(HeaderNames.IfMatch);
        request.Headers.Remove(HeaderNames.IfUnmodifiedSince);
        if (request.Headers.IfRange.Count > 0 && request.Headers.IfRange.ToString() != tag.ToString())
        {
            // A range of another version than this one: send the whole file.
            request.Headers.Remove(HeaderNames.Range);
        }

        request.Headers.Remove(HeaderNames.IfRange);
        var response = context.Response;
        response.OnStarting(() =>
        {
            if (response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status206PartialContent) response.Headers.ETag = tag.ToString();
            return Task.CompletedTask;
        });
        if (!notModified) return false;
        response.StatusCode = StatusCodes.Status304NotModified;
        response.Headers.ETag = tag.ToString();
        response.Headers.CacheControl = "no-cache";
        return true;
    }
}
