using StaticBriefs.Diagnostics;

namespace StaticBriefs.Building;

/// <summary>The outcome of a build: what went wrong (if anything), what was written, and how long each stage took.</summary>
/// <param name="Diagnostics">Every problem found, sorted by file and line.</param>
/// <param name="Written">True when the output folder was replaced.</param>
/// <param name="Briefs">Published briefs.</param>
/// <param name="Files">Files written.</param>
/// <param name="Stages">Stage name and elapsed time, in order.</param>
public sealed record BuildResult(
    IReadOnlyList<Diagnostic> Diagnostics, bool Written, int Briefs, long Files, IReadOnlyList<StageTiming> Stages)
{
    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>The build refused to start (unsafe, foreign or busy output folder): a usage error, exit code 2.</summary>
    public bool Refused { get; init; }

    /// <summary>Pages rendered through a layout in this build.</summary>
    public int PagesRendered { get; init; }

    /// <summary>Pages kept from the previous build because nothing they show changed.</summary>
    public int PagesReused { get; init; }

    /// <summary>Markdown files parsed (front matter) in this build.</summary>
    public int DocumentsParsed { get; init; }

    /// <summary>Markdown files taken from the cache without parsing.</summary>
    public int DocumentsReused { get; init; }

    /// <summary>Markdown bodies rendered to HTML in this build.</summary>
    public int BodiesRendered { get; init; }

    /// <summary>Markdown bodies taken from the cache.</summary>
    public int BodiesReused { get; init; }

    /// <summary>HTML pages of the site (rendered or kept from the previous build).</summary>
    public int Pages { get; init; }

    /// <summary>True when a cached build planned from the last build's model what to render (no page was fingerprinted).</summary>
    public bool Planned { get; init; }

    /// <summary>Companies, people and topics with a page, by kind (<c>companies</c>, <c>people</c>, <c>topics</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, int>> Entities { get; init; } = [];

    /// <summary>Steps inside the render stages (markdown, minify, templates, write), time summed over threads.</summary>
    public IReadOnlyList<StageTiming> Work { get; init; } = [];
}
