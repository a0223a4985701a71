using System.Globalization;
using StaticBriefs.Diagnostics;
using StaticBriefs.Rendering.Markdown;

namespace StaticBriefs.Incremental;

/// <summary>
/// Reuses rendered bodies across builds. The key covers the body, its file and first line (messages and relative
/// links depend on them) and <paramref name="contextKey"/> (pipeline options, base path, entity spellings); the
/// recorded link look-ups cover the rest of the site. Bodies with errors are never cached. Thread-safe.
/// </summary>
internal sealed class MarkdownMemo(BuildCache cache, string contextKey) : IMarkdownMemo
{
    private int _rendered;
    private int _reused;

    public int Rendered => _rendered;

    public int Reused => _reused;

    public RenderedMarkdown Render(
        string markdown, string relativePath, int bodyFirstLine, LinkContext links, DiagnosticBag diagnostics,
        Func<LinkContext, DiagnosticBag, RenderedMarkdown> render)
    {
        var key = ContentHash.Of(contextKey, relativePath, bodyFirstLine.ToString(CultureInfo.InvariantCulture), markdown);
        if (cache.Markdown.TryGetValue(key, out var entry) && entry.StillValid(links))
        {
            Interlocked.Increment(ref _reused);
            cache.MarkdownUsed.TryAdd(key, 0);
            foreach (var warning in entry.Warnings) diagnostics.Add(warning);
            return entry.Result;
        }

        Interlocked.Increment(ref _rendered);
        var recording = new RecordingLinks(links);
        var own = new DiagnosticBag();
        var result = render(recording.Context, own);
        var found = own.Sorted();
        foreach (var diagnostic in found) diagnostics.Add(diagnostic);
        if (!found.Any(d => d.Severity == Severity.Error))
        {
            cache.Markdown[key] = new MarkdownEntry(result, recording.Lookups, [.. found]);
            cache.MarkdownUsed.TryAdd(key, 0);
        }
        return result;
    }
}
