using Scriban.Runtime;

namespace StaticBriefs.Rendering;

/// <summary>
/// Implemented by output sinks that can keep a page from the previous build instead of rendering it again
/// (see <c>Incremental/PageMemoSink</c>). Thread-safe.
/// </summary>
public interface IPageMemo
{
    /// <summary>A fingerprint of everything the page's HTML depends on, or null when the page must always be rendered.</summary>
    string? Fingerprint(string layout, string file, ScriptObject globals);

    /// <summary>True (and the previous file is kept) when the last build wrote <paramref name="file"/> from the same fingerprint.</summary>
    bool TryReuse(string file, string fingerprint);

    /// <summary>Writes a freshly rendered page and remembers its fingerprint.</summary>
    void WritePage(string file, PageHtml html, string? fingerprint);

    /// <summary>
    /// True (and the previous file is kept) when the last build wrote the generated file <paramref name="file"/> (an
    /// image, say) from inputs with the same <paramref name="key"/>: it need not be made again.
    /// </summary>
    bool TryKeepFile(string file, string key);

    /// <summary>
    /// A key covering everything <paramref name="view"/> shows (every public property, recursively), for a file made
    /// from it alone (a feed from its spec); null when there is no cache to keep files by key, or it cannot be hashed.
    /// </summary>
    string? KeyOf(object view);

    /// <summary>True when files can be kept by key (<see cref="KeyOf"/> gives keys: there is a cache).</summary>
    bool KeepsFilesByKey { get; }

    /// <summary>Writes a generated file made from inputs with <paramref name="key"/>, remembering the key.</summary>
    void WriteFile(string file, ReadOnlySpan<byte> content, string key);
}
