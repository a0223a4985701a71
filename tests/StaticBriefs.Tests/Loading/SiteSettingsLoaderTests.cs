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

    [Theory]
    [InlineData("feeds:\n  entities: full\n", StaticBriefs.Model.EntityFeeds.Full)]
    [InlineData("feeds:\n  entities: summary\n", StaticBriefs.Model.EntityFeeds.Summary)]
    [InlineData("feeds: { entities: none }\n", StaticBriefs.Model.EntityFeeds.None)]
    [InlineData("title: X\n", StaticBriefs.Model.EntityFeeds.Full)]
    public void Entity_feeds_are_full_summary_or_none(string yaml, StaticBriefs.Model.EntityFeeds expected)
    {
        var bag = new DiagnosticBag();

        var settings = SiteSettingsLoader.Parse(yaml, bag);

        Assert.Empty(bag.Sorted());
        Assert.Equal(expected, settings.EntityFeeds);
    }

    [Fact]
    public void A_bad_entity_feeds_value_is_SB008_at_the_value_and_says_what_to_write_and_every_problem_is_reported()
    {
        var bag = new DiagnosticBag();

        var settings = SiteSettingsLoader.Parse("title: X\nfeeds:\n  entities: excerpt\n  entites: none\n", bag);

        Assert.Equal(StaticBriefs.Model.EntityFeeds.Full, settings.EntityFeeds);
        var found = bag.Sorted();
        Assert.Equal(2, found.Count);
        Assert.Equal((Severity.Error, DiagnosticCodes.BadSettings, 3, 13), (found[0].Severity, found[0].Code, found[0].Line, found[0].Column));
        Assert.Contains("full", found[0].Message);
        Assert.Contains("summary", found[0].Message);
        Assert.Contains("none", found[0].Message);
        Assert.Equal((Severity.Warning, DiagnosticCodes.UnknownKey, 4), (found[1].Severity, found[1].Code, found[1].Line));
        Assert.Contains("did you mean 'entities'", found[1].Message);
    }

    [Fact]
    public void Feeds_must_be_a_section()
    {
        var bag = new DiagnosticBag();

        SiteSettingsLoader.Parse("feeds: summary\n", bag);

        var error = Assert.Single(bag.Sorted());
        Assert.Equal((DiagnosticCodes.BadSettings, 1), (error.Code, error.Line));
        Assert.Contains("feeds: { entities: summary }", error.Message);
    }

    [Fact]
    public void Feed_entries_are_read_and_twenty_by_default()
    {
        var bag = new DiagnosticBag();

        Assert.Equal(5, SiteSettingsLoader.Parse("feeds:\n  entries: 5\n  entities: summary\n", bag).FeedEntries);
        Assert.Equal(20, SiteSettingsLoader.Parse("title: X\n", bag).FeedEntries);
        Assert.Empty(bag.Sorted());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("many")]
    [InlineData("[5]")]
    public void Bad_feed_entries_are_SB008_at_the_value_and_keep_twenty(string value)
    {
        var bag = new DiagnosticBag();

        var settings = SiteSettingsLoader.Parse($"feeds:\n  entries: {value}\n", bag);

        Assert.Equal(20, settings.FeedEntries);
        var error = Assert.Single(bag.Sorted());
        Assert.Equal((DiagnosticCodes.BadSettings, 2, 12), (error.Code, error.Line, error.Column));
        Assert.Contains("from 1 to 100", error.Message);
    }
}
