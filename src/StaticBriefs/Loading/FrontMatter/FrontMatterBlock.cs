namespace StaticBriefs.Loading.FrontMatter;

/// <summary>The language a document's front matter is written in.</summary>
public enum FrontMatterDialect
{
    /// <summary>The file has no front matter.</summary>
    None,
    /// <summary>YAML between <c>---</c> lines (Jekyll, Hugo, Eleventy, StaticBriefs).</summary>
    Yaml,
    /// <summary>TOML between <c>+++</c> lines (Zola, Hugo).</summary>
    Toml,
    /// <summary>A JSON object at the start of the file (Hugo), or between <c>---json</c> and <c>---</c> (Eleventy).</summary>
    Json,
}

/// <summary>A file split into its front matter (read into values with their places) and its markdown body.</summary>
/// <param name="Dialect">What the front matter was written in.</param>
/// <param name="Map">The front matter's keys (empty without front matter).</param>
/// <param name="Body">The markdown after the front matter: the end of the file's text, not a copy of it.</param>
/// <param name="BodyFirstLine">File line where the body starts.</param>
internal sealed record FrontMatterBlock(FrontMatterDialect Dialect, FrontMatterMap Map, ReadOnlyMemory<char> Body, int BodyFirstLine);
