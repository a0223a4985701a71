using System.Globalization;
using System.Net;
using System.Text;
using StaticBriefs.Model;
using StaticBriefs.Rendering.Theme;

namespace StaticBriefs.Rendering.Views;

/// <summary>
/// A small bar chart of an entity's briefs over time, drawn at build time as inline SVG: no script, no request, and
/// colours from the theme's CSS variables so it follows light and dark. Months up to four years of history, quarters
/// beyond. The SVG has a title and a description, and <see cref="ChartView.Summary"/> says the same in a sentence
/// for readers who do not see it.
/// </summary>
public static class ActivityChart
{
    private const int Width = 320;
    private const int Height = 64;
    private const int MaxMonthlyBars = 48;

    /// <summary>The chart of <paramref name="term"/>'s briefs, or null when it has fewer than two.</summary>
    public static ChartView? For(Term term, SiteModel site, string id)
    {
        if (term.Count < 2) return null;
        var dates = term.BriefIds.Select(i => site.Briefs[i].Date).ToList();
        var first = dates.Min();
        var last = dates.Max();
        var months = (last.Year - first.Year) * 12 + last.Month - first.Month + 1;
        var step = months > MaxMonthlyBars ? 3 : 1;
        var start = new DateTime(first.Year, step == 3 ? ((first.Month - 1) / 3 * 3) + 1 : first.Month, 1);
        var buckets = new int[((last.Year - start.Year) * 12 + last.Month - start.Month) / step + 1];
        foreach (var date in dates) buckets[((date.Year - start.Year) * 12 + date.Month - start.Month) / step]++;

        var busiest = Array.IndexOf(buckets, buckets.Max());
        var unit = step == 3 ? "quarter" : "month";
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{term.Count:N0} briefs from {Dates.Month(first)} to {Dates.Month(last)}; the busiest {unit} was {Label(start, busiest, step)}, with {buckets[busiest]:N0}.");
        var title = $"Briefs naming {term.Name}, per {unit}";
        return new ChartView(new TrustedHtml(Svg(buckets, start, step, id, title, summary)), summary,
            [.. dates.GroupBy(d => d.Year).OrderByDescending(g => g.Key).Select(g => new YearCount(g.Key, g.Count()))]);
    }

    private static string Label(DateTime start, int bucket, int step)
    {
        var at = start.AddMonths(bucket * step);
        return step == 3
            ? string.Create(CultureInfo.InvariantCulture, $"Q{(at.Month - 1) / 3 + 1} {at.Year}")
            : at.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
    }

    private static string Svg(int[] buckets, DateTime start, int step, string id, string title, string summary)
    {
        var max = buckets.Max();
        var gap = buckets.Length > 60 ? 1.0 : 2.0;
        var bar = (Width - gap * (buckets.Length - 1)) / buckets.Length;
        var svg = new StringBuilder(256 + buckets.Length * 64);
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"activity-chart\" viewBox=\"0 0 {Width} {Height + 14}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{WebUtility.HtmlEncode(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-desc\">{WebUtility.HtmlEncode(summary)}</desc>");
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"0\" y1=\"{Height}.5\" x2=\"{Width}\" y2=\"{Height}.5\"/>");
        for (var i = 0; i < buckets.Length; i++)
        {
            if (buckets[i] == 0) continue;
            var h = Math.Max(2.0, Math.Round(buckets[i] * (Height - 4.0) / max, 1));
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{Math.Round(i * (bar + gap), 1)}\" y=\"{Height - h}\" width=\"{Math.Round(bar, 1)}\" height=\"{h}\"><title>{Label(start, i, step)}: {buckets[i]}</title></rect>");
        }
        // The first and last periods under the axis, so the span reads at a glance.
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{Height + 12}\">{Label(start, 0, step)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width}\" y=\"{Height + 12}\" text-anchor=\"end\">{Label(start, buckets.Length - 1, step)}</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }
}

/// <summary>An entity's activity chart: the SVG, the same facts in a sentence, and briefs per year as a table.</summary>
/// <param name="Svg">Inline SVG (trusted: made here from numbers and escaped names).</param>
/// <param name="Summary">The chart as a sentence (raw).</param>
/// <param name="Years">Briefs per year, newest first.</param>
public sealed record ChartView(TrustedHtml Svg, string Summary, IReadOnlyList<YearCount> Years);

/// <summary>Briefs in one year.</summary>
/// <param name="Year">The year.</param>
/// <param name="Count">Briefs.</param>
public sealed record YearCount(int Year, int Count);
