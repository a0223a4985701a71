namespace StaticBriefs.Loading;

/// <summary>
/// Files static hosts read from the root of the published site (Netlify and Cloudflare Pages: <c>_headers</c>,
/// <c>_redirects</c>; GitHub Pages: <c>.nojekyll</c>, <c>CNAME</c>; everyone: <c>.well-known/</c>). They are
/// published from the root of <c>input/</c> although their names start with '_' or '.', which otherwise hides a file.
/// </summary>
public static class HostFiles
{
    /// <summary>The host's redirect rules; rules the build generates will be merged into it (see <c>RedirectRules</c>).</summary>
    public const string Redirects = "_redirects";

    /// <summary>The host's header rules.</summary>
    public const string Headers = "_headers";

    /// <summary>Tells GitHub Pages not to run Jekyll (which would drop files starting with '_').</summary>
    public const string NoJekyll = ".nojekyll";

    /// <summary>GitHub Pages' custom domain.</summary>
    public const string CustomDomain = "CNAME";

    /// <summary>RFC 8615 well-known URIs (security.txt, app links, ACME challenges).</summary>
    public const string WellKnown = ".well-known";

    /// <summary>Every name published from the root of the input folder although it would otherwise be hidden.</summary>
    public static readonly IReadOnlyList<string> RootNames = [Headers, Redirects, NoJekyll, CustomDomain, WellKnown];

    /// <summary>True for a host file or folder at the root (<c>_headers</c>) or anything inside <c>.well-known/</c>.</summary>
    public static bool IsHostPath(string relative) =>
        RootNames.Contains(relative, StringComparer.Ordinal) || relative.StartsWith(WellKnown + "/", StringComparison.Ordinal);
}
