using System.Globalization;
using System.Xml.Linq;
using StaticBriefs.Rendering.Relations;
using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Tests.Rendering.Relations;

/// <summary>The /moves/ chart's geometry: columns as wide as their names, drawn at its own size.</summary>
public sealed class MovesChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XElement Chart(params (string From, string To)[] flows) =>
        XElement.Parse(MovesChart.Render([.. flows.Select(f => new FlowView(new LinkView(f.From, ""), new LinkView(f.To, ""), [new LinkView("Someone", "")]))]).Value);

    private static double Number(XElement element, string attribute) => double.Parse(element.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    [Fact]
    public void The_chart_is_drawn_at_its_own_size_with_14_px_names()
    {
        var svg = Chart(("OpenAI", "Anthropic"));

        Assert.Equal($"0 0 {svg.Attribute("width")!.Value} {svg.Attribute("height")!.Value}", svg.Attribute("viewBox")!.Value);
        Assert.Equal("14", svg.Attribute("font-size")!.Value);
    }

    [Fact]
    public void Long_names_widen_their_column_and_short_ones_leave_no_empty_margin()
    {
        const string Long = "The Extremely Long Company Name Incorporated";
        var wide = Chart((Long, "Anthropic"), ("OpenAI", "A Second Rather Long Company Name Ltd"));
        var narrow = Chart(("OpenAI", "Anthropic"));

        // 0.55 em a character: about what a sans-serif name takes; each must fit inside the drawing.
        foreach (var text in wide.Descendants(Svg + "text"))
        {
            var x = Number(text, "x");
            var length = text.Value.Length * 14 * 0.55;
            if (text.Attribute("text-anchor")?.Value == "end") Assert.True(x - length >= 0, $"'{text.Value}' runs off the left edge");
            else Assert.True(x + length <= Number(wide, "width"), $"'{text.Value}' runs off the right edge");
        }
        Assert.InRange(Number(narrow, "width"), 200, 360);
        Assert.True(Number(wide, "width") > Number(narrow, "width") + 300);
    }
}
