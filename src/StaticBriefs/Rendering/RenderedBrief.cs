namespace StaticBriefs.Rendering;

/// <summary>What the brief pass keeps of a brief for later stages: only the newest briefs keep their HTML (for the site feed).</summary>
/// <param name="Id">The brief's id.</param>
/// <param name="ContentHtml">Body HTML for feed entries, or null when the brief is too old to be in the feed.</param>
/// <param name="WordCount">Words in the body.</param>
public sealed record RenderedBrief(int Id, string? ContentHtml, int WordCount);
