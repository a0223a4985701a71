using StaticBriefs.Model;

namespace StaticBriefs.Tests.Model;

public sealed class PermalinkPatternTests
{
    private static readonly PermalinkFields Post = new(
        new DateTimeOffset(2016, 9, 1, 23, 30, 0, TimeSpan.FromHours(-7)), "homebrew-1-0-0", null, "homebrew-1.0.0", ["posts", "Release Notes"]);

    private static string Expand(string pattern, PermalinkFields? fields = null)
    {
        var parsed = PermalinkPattern.Parse(pattern, out var problem);
        Assert.True(parsed is not null, problem);
        return parsed.Expand(fields ?? Post);
    }

    [Theory]
    [InlineData("/:year/", "/2016/")]
    [InlineData("/:month/", "/09/")]
    [InlineData("/:day/", "/01/")]
    [InlineData("/:i_month/", "/9/")]
    [InlineData("/:i_day/", "/1/")]
    [InlineData("/:short_year/", "/16/")]
    [InlineData("/:slug/", "/homebrew-1-0-0/")]
    [InlineData("/:title/", "/homebrew-1.0.0/")]
    [InlineData("/:filename/", "/homebrew-1.0.0/")]
    [InlineData("/:section/", "/posts/")]
    [InlineData("/:sections/", "/posts/release-notes/")]
    [InlineData("/:year/:month/:day/:title:output_ext", "/2016/09/01/homebrew-1.0.0.html")]
    [InlineData("/news/:year/:month/:day/:title/", "/news/2016/09/01/homebrew-1.0.0/")]
    [InlineData("blog/:slug/", "/blog/homebrew-1-0-0/")]
    [InlineData("/blog/{{ page.fileSlug }}/", "/blog/homebrew-1.0.0/")]
    [InlineData("/blog/{{page.fileSlug}}/", "/blog/homebrew-1.0.0/")]
    public void Each_token_expands_to_its_part_of_the_document(string pattern, string expected) =>
        Assert.Equal(expected, Expand(pattern));

    [Fact]
    public void The_date_is_the_one_written_with_its_own_offset_not_utc()
    {
        // 23:30 at -07:00 is the next day in UTC; the URL keeps the day the author wrote.
        Assert.Equal("/2016/09/01/", Expand("/:year/:month/:day/"));
    }

    [Fact]
    public void Title_is_the_written_slug_when_there_is_one_as_in_jekyll()
    {
        Assert.Equal("/chosen/", Expand("/:title/", Post with { OwnSlug = "chosen" }));
        Assert.Equal("/homebrew-1.0.0/", Expand("/:filename/", Post with { OwnSlug = "chosen" }));
    }

    [Fact]
    public void A_file_name_with_characters_unsafe_in_a_url_becomes_a_slug()
    {
        Assert.Equal("/my-first-post/", Expand("/:filename/", Post with { FileName = "My First Post!" }));
        Assert.Equal("/Rust-1.30.0/", Expand("/:filename/", Post with { FileName = "Rust-1.30.0" }));
    }

    [Fact]
    public void Empty_tokens_leave_no_empty_folder()
    {
        Assert.Equal("/homebrew-1-0-0/", Expand("/:sections/:slug/", Post with { Folders = [] }));
        Assert.Equal("/blog/homebrew-1-0-0/", Expand("/blog/:section/:slug/", Post with { Folders = [] }));
    }

    [Fact]
    public void Defaults_are_briefs_under_briefs_and_pages_at_their_folders()
    {
        Assert.Equal("/briefs/homebrew-1-0-0/", PermalinkPattern.DefaultBriefs.Expand(Post));
        Assert.Equal("/posts/release-notes/homebrew-1-0-0/", PermalinkPattern.DefaultPages.Expand(Post));
        Assert.False(PermalinkPattern.DefaultBriefs.NeedsDate);
        Assert.True(PermalinkPattern.Parse("/:year/:slug/", out _)!.NeedsDate);
    }

    [Theory]
    [InlineData("/:yaer/:slug/", "':yaer' is not a permalink token (did you mean ':year'?)")]
    [InlineData("/:categories/:slug/", "':categories' is not a permalink token")]
    [InlineData("/blog/:slug", "must end in '/'")]
    [InlineData("/blog/:slug.php", "must end in '/'")]
    [InlineData("https://example.org/:slug/", "not a full URL")]
    [InlineData("//cdn.example.org/:slug/", "not a full URL")]
    [InlineData("/blog/../:slug/", "may not contain '..'")]
    [InlineData("/./:slug/", "may not contain '.'")]
    [InlineData("/.hidden/:slug/", "starting with '.'")]
    [InlineData("/blog/:slug/?x=1", "may not contain '?'")]
    [InlineData("/blog post/:slug/", "may not contain 'U+0020'")]
    [InlineData("/caf%C3%A9/:slug/", "may not contain '%'")]
    [InlineData("", "is empty")]
    public void Invalid_patterns_say_what_is_wrong(string pattern, string problem)
    {
        Assert.Null(PermalinkPattern.Parse(pattern, out var message));
        Assert.Contains(problem, message, StringComparison.Ordinal);
    }
}
