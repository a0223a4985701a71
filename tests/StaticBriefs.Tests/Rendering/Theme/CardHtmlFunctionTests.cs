using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Rendering.Theme;

/// <summary>The <c>card_html</c> template function: a misuse is a template error naming the partial.</summary>
public sealed class CardHtmlFunctionTests : IDisposable
{
    private readonly TestSite _site = new();

    public CardHtmlFunctionTests()
    {
        _site.Write("_site.yml", "title: Desk\nbase_url: https://example.org/\n");
        _site.Write("briefs/a.md", TestSite.Brief("title: First brief\ndate: 2024-01-01\ncompanies: [Acme]"));
    }

    public void Dispose() => _site.Dispose();

    [Fact]
    public void Card_html_given_no_card_is_a_template_error_naming_the_partial()
    {
        _site.Write("_theme/layouts/partials/sections.sbn", "{{ card_html null 2 }}\n");

        var result = _site.Build();

        Assert.False(result.Written);
        var error = Assert.Single(result.Diagnostics, d => d.Code == "SB009" && d.Message.Contains("card_html was given no card", StringComparison.Ordinal));
        Assert.EndsWith("partials/sections.sbn", error.File, StringComparison.Ordinal);
    }
}
