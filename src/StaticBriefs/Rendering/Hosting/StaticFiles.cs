using StaticBriefs.Loading;
using StaticBriefs.Model;
using StaticBriefs.Output;

namespace StaticBriefs.Rendering.Hosting;

/// <summary>The site's own files copied as they are, then its <c>_redirects</c> merged with the build's (a full build's and a cached one's last step).</summary>
public static class StaticFiles
{
    /// <summary>
    /// Copies every static file but the host files, which are written merged with what the build generates
    /// (<see cref="Feeds.HostHeaders"/>, <see cref="RedirectRules"/>), then the redirects: the author's first, then the
    /// documents' old URLs. Files are copied on every worker: a blog's images are a few hundred files, and copying them
    /// one by one was the last twentieth of its build with one core idle.
    /// </summary>
    public static void Publish(SiteModel site, Views.UrlBuilder urls, StagingOutput output, int maxParallelism)
    {
        Parallel.ForEach(site.StaticFiles.Where(f => f is not (HostFiles.Redirects or HostFiles.Headers)),
            new ParallelOptions { MaxDegreeOfParallelism = maxParallelism }, file => output.CopyFile(site.StaticSources[file], file));
        RedirectRules.Publish(site, RedirectRules.Generated(site, urls), output);
    }
}
