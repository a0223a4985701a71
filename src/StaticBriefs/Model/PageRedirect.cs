namespace StaticBriefs.Model;

/// <summary>An old URL of a published document (Hugo's <c>aliases</c>, Jekyll's <c>redirect_from</c>) and where it now is.</summary>
/// <param name="From">The old site path, without the base path (<c>/old/</c>, <c>/2019/11/07/x.html</c>).</param>
/// <param name="To">The document's site path now.</param>
/// <param name="Source">The document's file, relative to the input folder.</param>
/// <param name="Line">Line of the old URL in that file.</param>
/// <param name="Column">Column of the old URL in that file.</param>
public sealed record PageRedirect(string From, string To, string Source, int Line, int Column)
{
    /// <summary>
    /// Whether a redirect page is written at the old URL: for folders and <c>.html</c> files. An old URL with another
    /// extension (<c>/feed.php</c>) gets only a host rule: an HTML page there would be served as that file type.
    /// </summary>
    public bool HasPage => From.EndsWith('/') || From.EndsWith(".html", StringComparison.Ordinal) || From.EndsWith(".htm", StringComparison.Ordinal);

    /// <summary>The output file of the redirect page (<c>old/index.html</c>).</summary>
    public string File => SitePaths.FileFor(From);
}
