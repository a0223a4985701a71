using System.Text;
using StaticBriefs.Output;
using StaticBriefs.Rendering.Theme;

namespace StaticBriefs.Rendering;

/// <summary>
/// A rendered page: its text, or the rendering thread's page builder holding it. A page made by the built-in layouts
/// stays in the builder and is encoded from there, so no page-sized string is made for it (at 10,000 briefs those
/// strings were most of the strings a build allocated). The builder is valid until the thread renders its next page:
/// write the page at once, then <see cref="Release"/> it.
/// </summary>
public readonly struct PageHtml
{
    private readonly string? _text;
    private readonly StringBuilder? _built;

    /// <summary>A page held as text.</summary>
    public PageHtml(string text) => _text = text;

    /// <summary>A page held in a builder kept by the rendering thread.</summary>
    public PageHtml(StringBuilder built) => _built = built;

    /// <summary>Writes the page to <paramref name="sink"/> at <paramref name="relativePath"/>.</summary>
    public void WriteTo(IOutputSink sink, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (_built is not null) sink.WriteText(relativePath, _built);
        else sink.WriteText(relativePath, _text ?? "");
    }

    /// <summary>The page's key as <c>ContentHash.Of("html", text)</c> gives it, without making the text.</summary>
    public string Hash() => _built is not null ? Incremental.ContentHash.Of("html", _built) : Incremental.ContentHash.Of("html", _text ?? "");

    /// <summary>Lets the thread's builder go back to its usual size when this page made it very large.</summary>
    public void Release()
    {
        if (_built is not null) BuiltInBase.Release(_built);
    }

    /// <summary>The page's text.</summary>
    public override string ToString() => _text ?? _built?.ToString() ?? "";
}
