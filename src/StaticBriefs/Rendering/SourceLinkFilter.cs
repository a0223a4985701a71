using StaticBriefs.Diagnostics;
using StaticBriefs.Model;
using StaticBriefs.Text;

namespace StaticBriefs.Rendering;

/// <summary>
/// Keeps script URLs in <c>sources:</c> from becoming links on a brief page. The theme prints each source as an
/// <c>href</c>, and escaping does not make <c>javascript:</c> harmless, so entries <see cref="UrlPolicy"/> refuses
/// are dropped with a warning, the same treatment body links get.
/// </summary>
public static class SourceLinkFilter
{
    /// <summary>The brief's sources that are http(s), mailto or relative; each one dropped is reported as SB043 at its line and column.</summary>
    public static IReadOnlyList<string> SafeSources(SourceDocument source, DiagnosticBag diagnostics)
    {
        var safe = new List<string>(source.Sources.Length);
        for (var i = 0; i < source.Sources.Length; i++)
        {
            var url = source.Sources[i];
            if (UrlPolicy.IsAllowed(url))
            {
                safe.Add(url);
                continue;
            }
            var line = i < source.SourceLines.Length ? source.SourceLines[i] : 0;
            var column = i < source.SourceColumns.Length ? source.SourceColumns[i] : 0;
            diagnostics.Warning(source.RelativePath, line, DiagnosticCodes.UnsafeUrl,
                $"source '{url}' was removed: only http(s), mailto and relative URLs may be links; use an http(s) address", column);
        }
        return safe;
    }
}
