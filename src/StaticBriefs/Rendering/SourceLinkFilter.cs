using StaticBriefs.Diagnostics;
using StaticBriefs.Model;
using StaticBriefs.Rendering.Markdown;

namespace StaticBriefs.Rendering;

/// <summary>
/// Keeps script URLs in <c>sources:</c> from becoming links on a brief page. The theme prints each source as an
/// <c>href</c>, and escaping does not make <c>javascript:</c> harmless, so such entries are dropped with a warning,
/// the same treatment body links get.
/// </summary>
public static class SourceLinkFilter
{
    /// <summary>The brief's sources without <c>javascript:</c>, <c>vbscript:</c> and <c>data:</c> URLs; each one dropped is reported as SB006.</summary>
    public static IReadOnlyList<string> SafeSources(SourceDocument source, DiagnosticBag diagnostics)
    {
        var safe = new List<string>(source.Sources.Length);
        for (var i = 0; i < source.Sources.Length; i++)
        {
            var url = source.Sources[i];
            if (!LinkTargets.IsUnsafe(url))
            {
                safe.Add(url);
                continue;
            }
            var line = i < source.SourceLines.Length ? source.SourceLines[i] : 0;
            diagnostics.Warning(source.RelativePath, line, DiagnosticCodes.BrokenLink,
                $"source '{url}' was removed: script URLs are not allowed in briefs; use an http(s) address");
        }
        return safe;
    }
}
