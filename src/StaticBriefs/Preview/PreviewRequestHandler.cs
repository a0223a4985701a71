using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace StaticBriefs.Preview;

/// <summary>
/// Routes one request before ASP.NET Core's static file middleware serves it: method and Host checks, path
/// validation, base path, endpoints, folders to their <c>index.html</c>, then the file's path inside the output
/// folder for the middleware (Range, content types, HEAD); what it cannot serve gets the site's 404 page.
/// </summary>
internal sealed class PreviewRequestHandler
{
    private const string NotFoundPage = "404.html";
    private const string IndexPage = "index.html";

    private readonly string _outputDirectory;
    private readonly string _basePath;
    private readonly string[] _baseSegments;
    private readonly ReloadHub _hub;
    private readonly CancellationToken _stopping;
    private readonly HostCheck _hosts;
    private readonly Output.CommitGate? _gate;

    public PreviewRequestHandler(PreviewOptions options, ReloadHub hub, CancellationToken stopping)
    {
        _outputDirectory = Path.GetFullPath(options.OutputDirectory);
        _basePath = NormalizeBasePath(options.BasePath);
        _baseSegments = _basePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        _hub = hub;
        _stopping = stopping;
        _hosts = new HostCheck(options.Host);
        _gate = options.Gate;
        Files = new SiteFileProvider(_outputDirectory, options.LiveReload ? ReloadScript.TagFor(EncodedBasePath(_baseSegments)) : []);
    }

    /// <summary>The base path with exactly one leading and one trailing slash.</summary>
    public string BasePath => _basePath;

    /// <summary>What the static file middleware serves from.</summary>
    public SiteFileProvider Files { get; }

    /// <summary>Runs before the static file middleware (<paramref name="next"/>), which serves the file it names.</summary>
    public Task HandleAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        // First, for every path, the event stream included: only our own address may read the preview.
        if (!_hosts.Allows(request.Host, context.Connection.LocalPort))
        {
            return PlainAsync(context, StatusCodes.Status403Forbidden,
                $"403 Forbidden: '{request.Host}' is not this preview's address; open http://127.0.0.1:{context.Connection.LocalPort.ToString(CultureInfo.InvariantCulture)}{_basePath}");
        }

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            context.Response.Headers.Allow = "GET, HEAD";
            return PlainAsync(context, StatusCodes.Status405MethodNotAllowed, "405 Method Not Allowed");
        }

        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
        var path = RequestPath.Parse(raw);
        if (!path.IsValid)
        {
            return PlainAsync(context, StatusCodes.Status400BadRequest, "400 Bad Request: " + path.Error);
        }

        var segments = path.Segments;
        var underBase = StartsWithBase(segments);
        if (IsEndpoint(segments, 0))
        {
            return EndpointAsync(context, segments[1..]);
        }

        if (underBase && IsEndpoint(segments, _baseSegments.Length))
        {
            return EndpointAsync(context, segments[(_baseSegments.Length + 1)..]);
        }

        if (!underBase)
        {
            return segments.Length == 0 ? RedirectAsync(context, EncodedBasePath(_baseSegments)) : NotFoundAsync(context);
        }

        var relative = segments.AsSpan(_baseSegments.Length).ToArray();
        return _gate is null ? ServeSiteAsync(context, next, path, relative) : GatedServeSiteAsync(context, next, path, relative);
    }

    /// <summary>Serves a site file once no rebuild is moving files, so a page never comes from half of one.</summary>
    private async Task GatedServeSiteAsync(HttpContext context, RequestDelegate next, RequestPath path, string[] relative)
    {
        using (await _gate!.EnterReadAsync(context.RequestAborted))
        {
            await ServeSiteAsync(context, next, path, relative);
        }
    }

    private async Task ServeSiteAsync(HttpContext context, RequestDelegate next, RequestPath path, string[] relative)
    {
        var realRoot = SafePathResolver.RealRoot(_outputDirectory);
        if (realRoot is null)
        {
            await NotFoundAsync(context);
            return;
        }

        var status = SafePathResolver.Resolve(realRoot, realRoot, relative, out var real);
        if (status == ResolveStatus.Directory)
        {
            if (!path.TrailingSlash)
            {
                await RedirectAsync(context, path.Raw + "/");
                return;
            }

            status = SafePathResolver.Resolve(realRoot, real, [IndexPage], out real);
        }
        else if (status == ResolveStatus.File && path.TrailingSlash)
        {
            // "/page.html/" names a directory that is not there.
            status = ResolveStatus.Missing;
        }

        if (status != ResolveStatus.File)
        {
            await NotFoundAsync(context, realRoot);
            return;
        }

        var file = Files.ForFile(real);
        if (!file.Exists)
        {
            await NotFoundAsync(context, realRoot);
            return;
        }

        if (PreviewValidators.Apply(context, file))
        {
            return;
        }

        // The static file middleware serves the resolved file: Range and HEAD, content types, Last-Modified.
        context.Request.Path = "/" + Path.GetRelativePath(realRoot, real).Replace('\\', '/');
        await next(context);
        if (!context.Response.HasStarted && context.Response.StatusCode == StatusCodes.Status404NotFound)
        {
            // The file vanished between resolving and serving (a rebuild replaced the folder).
            await NotFoundAsync(context, realRoot);
        }
    }

    private Task EndpointAsync(HttpContext context, string[] rest)
    {
        if (rest.Length == 1 && rest[0] == "events")
        {
            return EventStreamEndpoint.StreamAsync(context, _hub, _stopping);
        }

        if (rest.Length == 1 && rest[0] == "reload.js")
        {
            var response = context.Response;
            response.ContentType = "text/javascript; charset=utf-8";
            response.Headers.CacheControl = "no-cache";
            response.ContentLength = ReloadScript.Body.Length;
            return HttpMethods.IsHead(context.Request.Method)
                ? Task.CompletedTask
                : response.Body.WriteAsync(ReloadScript.Body, context.RequestAborted).AsTask();
        }

        return NotFoundAsync(context);
    }

    /// <summary>The site's own 404 page (with the reload tag) and status 404, or a plain one when it has none.</summary>
    internal async Task NotFoundAsync(HttpContext context, string? realRoot = null)
    {
        realRoot ??= SafePathResolver.RealRoot(_outputDirectory);
        if (realRoot is not null
            && SafePathResolver.Resolve(realRoot, realRoot, [NotFoundPage], out var page) == ResolveStatus.File
            && Files.ForFile(page) is { Exists: true } file)
        {
            var response = context.Response;
            response.StatusCode = StatusCodes.Status404NotFound;
            response.ContentType = PreviewContentTypes.Html;
            response.Headers.CacheControl = "no-cache";
            response.Headers.XContentTypeOptions = "nosniff";
            response.ContentLength = file.Length;
            if (HttpMethods.IsHead(context.Request.Method)) return;
            await using var stream = file.CreateReadStream();
            await stream.CopyToAsync(response.Body, context.RequestAborted);
            return;
        }

        await PlainAsync(context, StatusCodes.Status404NotFound, "404 Not Found");
    }

    private bool StartsWithBase(string[] segments)
    {
        if (segments.Length < _baseSegments.Length)
        {
            return false;
        }

        for (var i = 0; i < _baseSegments.Length; i++)
        {
            if (!string.Equals(segments[i], _baseSegments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsEndpoint(string[] segments, int at) =>
        segments.Length > at && segments[at] == ReloadScript.EndpointSegment;

    private static Task RedirectAsync(HttpContext context, string location)
    {
        // 302, not 301: browsers cache 301 forever, and in preview a directory may become a file.
        var response = context.Response;
        response.StatusCode = StatusCodes.Status302Found;
        response.Headers.Location = location + context.Request.QueryString.Value;
        response.Headers.CacheControl = "no-cache";
        return Task.CompletedTask;
    }

    private static Task PlainAsync(HttpContext context, int status, string text)
    {
        var response = context.Response;
        var body = Encoding.UTF8.GetBytes(text + "\n");
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method)
            ? Task.CompletedTask
            : response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    internal static string NormalizeBasePath(string basePath)
    {
        var segments = basePath.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return segments.Length == 0 ? "/" : "/" + string.Join('/', segments) + "/";
    }

    private static string EncodedBasePath(string[] segments)
    {
        var builder = new StringBuilder("/");
        foreach (var segment in segments)
        {
            builder.Append(Uri.EscapeDataString(segment)).Append('/');
        }

        return builder.ToString();
    }
}
