using System.Globalization;
using System.Text.Json;
using StaticBriefs.Browser.Tests.Support;

namespace StaticBriefs.Browser.Tests;

/// <summary>
/// Index pages of a site of 10,000 briefs stay small enough to read on a phone: no HTML page over 150 KB (the
/// archive, the people index and the pages of entities named in hundreds of briefs are where they grow), and the
/// largest page of each kind loads in Chromium at 390 px with nothing wider than the screen and no list number cut.
/// </summary>
public sealed class LargeSiteTests(LargeSiteFixture site) : IClassFixture<LargeSiteFixture>
{
    /// <summary>150 KB as 150,000 bytes: the stricter reading of the budget.</summary>
    private const long Budget = 150_000;

    [Fact]
    public void No_html_page_is_over_150_KB()
    {
        Assert.Equal(LargeSiteFixture.Briefs, site.Pages.Count(p => p.Kind == "brief"));
        var over = site.Pages.Where(p => p.Bytes > Budget)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Path} ({p.Kind}): {p.Bytes:N0} bytes"))
            .ToList();
        Assert.True(over.Count == 0, $"{over.Count} of {site.Pages.Count:N0} pages over {Budget:N0} bytes:\n" + string.Join("\n", over.Take(50)));
    }

    [Fact]
    public void Every_page_is_of_a_known_kind_and_every_kind_has_pages()
    {
        var unknown = site.Pages.Where(p => p.Kind == "other").Select(p => p.Path).ToList();
        Assert.True(unknown.Count == 0, "pages of no known kind (name them in LargeSiteFixture.KindOf):\n" + string.Join("\n", unknown.Take(20)));
        Assert.All(LargeSiteFixture.Kinds, kind => Assert.Contains(site.Pages, p => p.Kind == kind));
    }

    public static TheoryData<string> Kinds() => [.. LargeSiteFixture.Kinds];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Largest_page_of_a_kind_loads_under_150_KB_and_fits_a_phone(string kind)
    {
        var largest = site.Pages.Where(p => p.Kind == kind).MaxBy(p => p.Bytes);
        Assert.NotNull(largest.Path);
        var url = site.SiteUrl + (largest.Path == "index.html" ? "" : largest.Path.EndsWith("/index.html", StringComparison.Ordinal)
            ? largest.Path[..^"index.html".Length] : largest.Path);

        await using var context = await site.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") problems.Add("console: " + message.Text); };
        page.RequestFailed += (_, request) => problems.Add("failed: " + request.Url);
        page.Response += (_, response) => { if (response.Status >= 400) problems.Add($"{response.Status}: {response.Url}"); };

        var response = await page.GotoAsync(url);
        Assert.Equal(200, response!.Status);
        var body = await response.BodyAsync();
        Assert.True(body.Length <= Budget, $"{url} ({kind}) sent {body.Length:N0} bytes of HTML");
        await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);

        var layout = await page.EvaluateAsync<JsonElement>(LayoutProbe);
        var overflow = layout.GetProperty("overflow").GetInt32();
        Assert.True(overflow <= 0, $"{url} ({kind}) is {overflow} px wider than a 390 px screen: {layout.GetProperty("widest").GetString()}");
        var clipped = layout.GetProperty("clipped").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.True(clipped.Count == 0, $"{url} ({kind}) cuts list numbers: {string.Join(", ", clipped)}");
        Assert.True(problems.Count == 0, $"{url} ({kind}):\n" + string.Join("\n", problems));
    }

    // How far the page scrolls sideways (and the widest element that makes it), and the ordered lists whose
    // numbers are drawn left of what can be seen: the viewport, or an ancestor that clips its overflow.
    private const string LayoutProbe = """
        () => {
          const doc = document.documentElement;
          const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '');
          let widest = '';
          if (doc.scrollWidth > doc.clientWidth) {
            const over = [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > doc.clientWidth + 0.5);
            widest = over.slice(-3).map(name).join(' ');
          }
          const pen = document.createElement('canvas').getContext('2d');
          const clipped = [];
          for (const ol of document.querySelectorAll('ol')) {
            const style = getComputedStyle(ol);
            if (style.listStyleType === 'none' || style.listStylePosition !== 'outside' || ol.getClientRects().length === 0) continue;
            const items = [...ol.children].filter(li => li.tagName === 'LI' && getComputedStyle(li).display === 'list-item');
            if (items.length === 0) continue;
            const highest = ol.reversed ? (ol.hasAttribute('start') ? ol.start : items.length) : ol.start + items.length - 1;
            let bound = 0;
            for (let a = ol.parentElement; a; a = a.parentElement) {
              if (getComputedStyle(a).overflowX !== 'visible') { bound = Math.max(0, a.getBoundingClientRect().left); break; }
            }
            for (const li of items) {
              pen.font = getComputedStyle(li).font;
              const marker = pen.measureText(highest + '. ').width;
              if (li.getBoundingClientRect().left - marker < bound - 0.5) { clipped.push(name(ol) + ' item ' + (items.indexOf(li) + 1)); break; }
            }
          }
          return { overflow: doc.scrollWidth - doc.clientWidth, widest, clipped };
        }
        """;
}
