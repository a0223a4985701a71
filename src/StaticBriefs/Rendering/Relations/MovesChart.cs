using System.Globalization;
using System.Net;
using System.Text;
using StaticBriefs.Rendering.Theme;

namespace StaticBriefs.Rendering.Relations;

/// <summary>
/// Draws company-to-company flows at build time as SVG: the companies people left on the left, where they went on the
/// right, one band per flow as wide as the number of people. The SVG is one image to assistive technology
/// (<c>role="img"</c> with <c>&lt;title&gt;</c> and <c>&lt;desc&gt;</c>); the table beside it carries the same data.
/// </summary>
public static class MovesChart
{
    /// <summary>At most this many flows are drawn (the table lists them all), so a large site keeps a readable chart.</summary>
    public const int MaxFlows = 40;

    private const int Width = 640;
    private const int Row = 28;
    private const int Top = 24;
    private const int LeftX = 230;
    private const int RightX = 410;

    /// <summary>The chart, or nothing when there are no flows.</summary>
    public static TrustedHtml Render(IReadOnlyList<FlowView> flows)
    {
        if (flows.Count == 0) return TrustedHtml.Empty;
        var drawn = flows.Take(MaxFlows).ToList();
        var left = drawn.Select(f => f.From.Name).Distinct().Order(StringComparer.Ordinal).ToList();
        var right = drawn.Select(f => f.To.Name).Distinct().Order(StringComparer.Ordinal).ToList();
        var height = Top + (Math.Max(left.Count, right.Count) * Row) + 8;
        var people = drawn.Sum(f => f.Count);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"moves-chart\" role=\"img\" aria-labelledby=\"moves-chart-title moves-chart-desc\" viewBox=\"0 0 {Width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append("<title id=\"moves-chart-title\">People moving between companies</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"moves-chart-desc\">{Escape(Describe(drawn, people, flows.Count))}</desc>");
        svg.Append("<text x=\"").Append(LeftX).Append("\" y=\"14\" text-anchor=\"end\" class=\"moves-chart-head\" fill=\"currentColor\">Left</text>");
        svg.Append("<text x=\"").Append(RightX).Append("\" y=\"14\" class=\"moves-chart-head\" fill=\"currentColor\">Joined</text>");
        foreach (var flow in drawn)
        {
            var y1 = Y(left.IndexOf(flow.From.Name));
            var y2 = Y(right.IndexOf(flow.To.Name));
            var stroke = Math.Min(16, 2 + (3 * (flow.Count - 1)));
            var middle = (LeftX + RightX) / 2;
            svg.Append(CultureInfo.InvariantCulture,
                $"<path d=\"M{LeftX + 6} {y1} C{middle} {y1} {middle} {y2} {RightX - 6} {y2}\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\"0.45\" stroke-width=\"{stroke}\"/>");
        }
        for (var i = 0; i < left.Count; i++)
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LeftX}\" y=\"{Y(i) + 5}\" text-anchor=\"end\" fill=\"currentColor\">{Escape(left[i])}</text>");
        for (var i = 0; i < right.Count; i++)
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{RightX}\" y=\"{Y(i) + 5}\" fill=\"currentColor\">{Escape(right[i])}</text>");
        svg.Append("</svg>");
        return new TrustedHtml(svg.ToString());
    }

    private static int Y(int index) => Top + 12 + (index * Row);

    private static string Describe(List<FlowView> drawn, int people, int total)
    {
        var parts = drawn.Take(5).Select(f => string.Create(CultureInfo.InvariantCulture,
            $"{f.Count} from {f.From.Name} to {f.To.Name}"));
        var more = total > 5 ? $"; {total - 5} more in the table" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{people} moves between companies: {string.Join("; ", parts)}{more}.");
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
