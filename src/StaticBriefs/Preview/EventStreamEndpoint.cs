using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace StaticBriefs.Preview;

/// <summary>Serves <c>/__staticbriefs/events</c>: one long-lived server-sent-events response per tab.</summary>
internal static class EventStreamEndpoint
{
    public static async Task StreamAsync(HttpContext context, ReloadHub hub, CancellationToken stopping)
    {
        var response = context.Response;
        response.Headers.CacheControl = "no-cache";
        if (HttpMethods.IsHead(context.Request.Method))
        {
            response.ContentType = "text/event-stream; charset=utf-8";
            return;
        }

        var reader = hub.Subscribe(out var handle);
        if (reader is null)
        {
            // Bounded on purpose: each stream holds a connection and a queue.
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        try
        {
            response.ContentType = "text/event-stream; charset=utf-8";
            response.Headers["X-Accel-Buffering"] = "no";
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            var ct = linked.Token;
            await response.Body.WriteAsync(hub.Greeting(), ct);
            await response.Body.FlushAsync(ct);
            await foreach (var frame in reader.ReadAllAsync(ct))
            {
                await response.Body.WriteAsync(frame, ct);
                await response.Body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException)
        {
            // The tab went away or the server is stopping; both are normal ends of a stream.
        }
        catch (IOException)
        {
            // Writing to a connection the client already closed.
        }
        finally
        {
            hub.Unsubscribe(handle);
        }
    }
}
