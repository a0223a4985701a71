namespace StaticBriefs.Preview;

/// <summary>Where the preview server reads the built site from and where it listens.</summary>
/// <param name="OutputDirectory">The built site; may be replaced wholesale between requests.</param>
/// <param name="Host">Address to bind, used verbatim (an IP literal or <c>localhost</c>).</param>
/// <param name="Port">Port to bind; 0 picks a free port.</param>
/// <param name="BasePath">URL prefix the site is published under, e.g. <c>/briefs-site/</c>.</param>
/// <param name="LiveReload">
/// Adds the reload script to HTML pages. Off, the server answers exactly as static hosting would
/// (byte-for-byte files), which is what browser tests and benchmarks need.
/// </param>
public sealed record PreviewOptions(string OutputDirectory, string Host = "127.0.0.1", int Port = 5080, string BasePath = "/", bool LiveReload = true)
{
    /// <summary>Requests for site files wait here while a rebuild moves files into the folder (null: no waiting).</summary>
    public Output.CommitGate? Gate { get; init; }
}
