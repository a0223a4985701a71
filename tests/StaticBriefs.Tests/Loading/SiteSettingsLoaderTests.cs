using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Loading;

public sealed class SiteSettingsLoaderTests
{
    [Fact]
    public void A_site_without_settings_file_gets_the_defaults()
    {
        using var site = new TestSite();
        var bag = new DiagnosticBag();

        var settings = SiteSettingsLoader.Load(site.InputDirectory, bag);

        Assert.Empty(bag.Sorted());
        Assert.Equal("Briefs", settings.Title);
        Assert.Equal(new Uri("http://localhost/"), settings.BaseUrl);
        Assert.Equal("/", settings.BasePath);
        Assert.Equal(10, settings.PageSize);
        Assert.Equal("en", settings.Language);
        Assert.False(settings.AllowHtml);
        Assert.True(settings.AutoLinkEntities);
    }

    [Fact]
    public void Every_setting_is_read()
    {
        var bag = new DiagnosticBag();
        var settings = SiteSettingsLoader.Parse("""
            title: My Briefs
            description: About things
            base_url: https://example.org/briefs-site
            language: fr
            page_size: 5
            author: Desk
            allow_html: true
            auto_link_entities: false
            """, bag);

        Assert.Empty(bag.Sorted());
        Assert.Equal("My Briefs", settings.Title);
        Assert.Equal("About things", settings.Description);
        Assert.Equal(new Uri("https://example.org/briefs-site/"), settings.BaseUrl);
        Assert.Equal("/briefs-site/", settings.BasePath);
        Assert.Equal("fr", settings.Language);
        Assert.Equal(5, settings.PageSize);
        Assert.Equal("Desk", settings.Author);
        Assert.True(settings.AllowHtml);
        Assert.False(settings.AutoLinkEntities);
    }

    [Theory]
    [InlineData("page_size: 0")]
    [InlineData("page_size: ten")]
    [InlineData("page_size: -3")]
    public void Bad_page_size_is_SB008_and_keeps_the_default(string line)
    {
        var bag = new DiagnosticBag();
        var settings = SiteSettingsLoader.Parse("title: T\n" + line + "\n", bag);

        var error = Assert.Single(bag.Sorted());
        Assert.Equal((DiagnosticCodes.BadSettings, 2, "_site.yml"), (error.Code, error.Line, error.File));
        Assert.Equal(10, settings.PageSize);
    }

    [Theory]
    [InlineData("example.org")]
    [InlineData("ftp://example.org/")]
    [InlineData("/briefs-site/")]
    public void Base_url_must_be_absolute_http(string value)
    {
        var bag = new DiagnosticBag();
        var settings = SiteSettingsLoader.Parse("base_url: " + value, bag);

        Assert.Equal(DiagnosticCodes.BadSettings, Assert.Single(bag.Sorted()).Code);
        Assert.Equal(new Uri("http://localhost/"), settings.BaseUrl);
    }

    [Fact]
    public void Misspelt_setting_warns_with_a_suggestion()
    {
        var bag = new DiagnosticBag();
        SiteSettingsLoader.Parse("titel: X\n", bag);

        var warning = Assert.Single(bag.Sorted());
        Assert.Equal((Severity.Warning, DiagnosticCodes.UnknownKey, 1), (warning.Severity, warning.Code, warning.Line));
        Assert.Contains("did you mean 'title'", warning.Message);
    }

    [Fact]
    public void Invalid_yaml_is_SB008()
    {
        var bag = new DiagnosticBag();
        SiteSettingsLoader.Parse("title: a: b\n", bag);

        Assert.Equal(DiagnosticCodes.BadSettings, Assert.Single(bag.Sorted()).Code);
    }
}
