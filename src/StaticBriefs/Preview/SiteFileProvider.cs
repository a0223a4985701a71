using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;
using Microsoft.Extensions.Primitives;

namespace StaticBriefs.Preview;

/// <summary>
/// The output folder as ASP.NET Core's static file middleware sees it: every path is resolved with
/// <see cref="SafePathResolver"/> (links followed as the kernel would, refused the moment a step leaves the folder),
/// and HTML pages carry the live-reload tag before <c>&lt;/body&gt;</c>. Nothing is listed and nothing is watched.
/// </summary>
internal sealed class SiteFileProvider(string outputDirectory, byte[] reloadTag) : IFileProvider
{
    /// <summary>Pages larger than this are served as they are (no reload tag) rather than read into memory.</summary>
    internal const long MaxInjectedBytes = 16 * 1024 * 1024;

    public IFileInfo GetFileInfo(string subpath)
    {
        var realRoot = SafePathResolver.RealRoot(outputDirectory);
        if (realRoot is null) return new NotFoundFileInfo(subpath);
        var segments = subpath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (SafePathResolver.Resolve(realRoot, realRoot, segments, out var real) != ResolveStatus.File) return new NotFoundFileInfo(subpath);
        return ForFile(real);
    }

    /// <summary>The served form of a file already resolved inside the folder.</summary>
    internal IFileInfo ForFile(string realPath)
    {
        var file = new FileInfo(realPath);
        if (reloadTag.Length == 0 || !PreviewContentTypes.IsHtml(realPath) || file.Length > MaxInjectedBytes) return new PhysicalFileInfo(file);
        return InjectedHtmlFileInfo.TryRead(file, reloadTag) is { } page ? page : new NotFoundFileInfo(realPath);
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;
}
