namespace StaticBriefs.Building;

/// <summary>Everything one build needs to know, as given on the command line.</summary>
public sealed record BuildOptions
{
    /// <summary>The site's input folder.</summary>
    public string InputDirectory { get; init; } = "input";
    /// <summary>Where the site is written.</summary>
    public string OutputDirectory { get; init; } = "output";
    /// <summary>
    /// The site's theme folder, layered over the built-in theme file by file; when it does not exist the built-in
    /// theme is used alone (the CLI refuses a <c>--theme</c> folder that does not exist).
    /// </summary>
    public string ThemeDirectory { get; init; } = "theme";
    /// <summary>Overrides <c>base_url</c> of <c>_site.yml</c>.</summary>
    public string? BaseUrl { get; init; }
    /// <summary>A settings file read instead of <c>input/_site.yml</c> (one input built two ways, or a corpus without one).</summary>
    public string? SettingsFile { get; init; }
    /// <summary>Publish drafts.</summary>
    public bool IncludeDrafts { get; init; }
    /// <summary>Publish briefs dated in the future.</summary>
    public bool IncludeFuture { get; init; }
    /// <summary>Minify markdown bodies' HTML (layouts are written compact), CSS and JS.</summary>
    public bool Minify { get; init; } = true;
    /// <summary>Unknown entity tags are errors.</summary>
    public bool Strict { get; init; }
    /// <summary>The build's clock (drafts and future briefs are judged against it).</summary>
    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;
    /// <summary>Worker threads for parallel stages.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;
    /// <summary>Reuse work from the previous build through an on-disk cache (see <see cref="CacheDirectory"/>).</summary>
    public bool UseCache { get; init; }
    /// <summary>Where the on-disk cache lives; null means <c>&lt;input&gt;/../.staticbriefs/cache</c>.</summary>
    public string? CacheDirectory { get; init; }
    /// <summary>Build into a non-empty output folder StaticBriefs did not write, keeping its files (<c>--force</c>).</summary>
    public bool Force { get; init; }
    /// <summary>Also remove output files StaticBriefs did not write, except folders starting with '.' (<c>--clean-output</c>).</summary>
    public bool CleanOutput { get; init; }
    /// <summary>How long to wait for another build or preview writing the same output folder.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>A cache kept by the caller across builds (preview); it takes precedence over <see cref="UseCache"/>.</summary>
    public Incremental.BuildCache? Cache { get; init; }
    /// <summary>
    /// Preview's memory of the last build (with <see cref="Cache"/>): an edit that changes only briefs' content
    /// re-renders just the pages showing them. Null for a plain build.
    /// </summary>
    public Incremental.LiveSession? Live { get; init; }
    /// <summary>
    /// Write the search index under a folder named by its content hash (<c>search/&lt;hash&gt;/</c>), so a deploy never
    /// mixes old and new files and hosts may cache them for good. Preview turns it off: there an edit would rewrite
    /// the whole index.
    /// </summary>
    public bool VersionSearchIndex { get; init; } = true;
    /// <summary>Told the stage and the files written as the build goes, for a progress display; null for none.</summary>
    public BuildProgress? Progress { get; init; }
}
