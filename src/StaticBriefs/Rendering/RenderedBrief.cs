namespace StaticBriefs.Rendering;

/// <summary>What the brief pass keeps of a brief for later stages: only briefs some feed shows keep their HTML.</summary>
/// <param name="Id">The brief's id.</param>
/// <param name="ContentHtml">Body HTML for feed entries, or null when no feed shows the brief.</param>
/// <param name="WordCount">Words in the body.</param>
public sealed record RenderedBrief(int Id, string? ContentHtml, int WordCount);
