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

    private const int Row = 28;
    private const int Top = 24;
    /// <summary>Width of the bands between the two columns of names.</summary>
    private const int Band = 150;
    private const int Margin = 8;
    /// <summary>Font size of the names, in the chart's units: drawn at its own size, the chart's text is 14 px.</summary>
    private const int FontSize = 14;

    /// <summary>The chart, or nothing when there are no flows.</summary>
    public static TrustedHtml Render(IReadOnlyList<FlowView> flows)
    {
        if (flows.Count == 0) return TrustedHtml.Empty;
        var drawn = flows.Take(MaxFlows).ToList();
        var left = drawn.Select(f => f.From.Name).Distinct().Order(StringComparer.Ordinal).ToList();
        var right = drawn.Select(f => f.To.Name).Distinct().Order(StringComparer.Ordinal).ToList();
        var height = Top + (Math.Max(left.Count, right.Count) * Row) + 8;
        // Columns as wide as their longest name: no empty margin, so a phone shrinks the chart (and its text) least.
        var leftX = Margin + TextWidth(left.Prepend("Left"));
        var rightX = leftX + Band;
        var width = rightX + TextWidth(right.Prepend("Joined")) + Margin;
        var people = drawn.Sum(f => f.Count);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"moves-chart\" role=\"img\" aria-labelledby=\"moves-chart-title moves-chart-desc\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-size=\"{FontSize}\" font-family=\"system-ui, sans-serif\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append("<title id=\"moves-chart-title\">People moving between companies</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"moves-chart-desc\">{Escape(Describe(drawn, people, flows.Count))}</desc>");
        svg.Append("<text x=\"").Append(leftX).Append("\" y=\"14\" text-anchor=\"end\" class=\"moves-chart-head\" fill=\"currentColor\">Left</text>");
        svg.Append("<text x=\"").Append(rightX).Append("\" y=\"14\" class=\"moves-chart-head\" fill=\"currentColor\">Joined</text>");
        foreach (var flow in drawn)
        {
            var y1 = Y(left.IndexOf(flow.From.Name));
            var y2 = Y(right.IndexOf(flow.To.Name));
            var stroke = Math.Min(16, 2 + (3 * (flow.Count - 1)));
            var middle = (leftX + rightX) / 2;
            svg.Append(CultureInfo.InvariantCulture,
                $"<path d=\"M{leftX + 6} {y1} C{middle} {y1} {middle} {y2} {rightX - 6} {y2}\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\"0.45\" stroke-width=\"{stroke}\"/>");
        }
        for (var i = 0; i < left.Count; i++)
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{leftX}\" y=\"{Y(i) + 5}\" text-anchor=\"end\" fill=\"currentColor\">{Escape(left[i])}</text>");
        for (var i = 0; i < right.Count; i++)
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{rightX}\" y=\"{Y(i) + 5}\" fill=\"currentColor\">{Escape(right[i])}</text>");
        svg.Append("</svg>");
        return new TrustedHtml(svg.ToString());
    }

    private static int Y(int index) => Top + 12 + (index * Row);

    /// <summary>
    /// A generous estimate of the widest name's width (0.6 em a character: wider than most sans-serif text), since the
    /// build cannot measure the reader's font; a name a little narrower only leaves a little room.
    /// </summary>
    private static int TextWidth(IEnumerable<string> names) =>
        (int)Math.Ceiling(names.Max(n => n.Length) * FontSize * 0.6);

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
