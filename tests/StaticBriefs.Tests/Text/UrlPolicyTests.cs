using StaticBriefs.Text;

namespace StaticBriefs.Tests.Text;

public sealed class UrlPolicyTests
{
    [Theory]
    [InlineData("https://example.org/a?b=c#d")]
    [InlineData("http://example.org")]
    [InlineData("HTTPS://EXAMPLE.ORG")]
    [InlineData("mailto:desk@example.org")]
    [InlineData("/briefs/x/")]
    [InlineData("../2024/other.md")]
    [InlineData("image.png")]
    [InlineData("#section")]
    [InlineData("?q=1")]
    [InlineData("//cdn.example.org/x.js")]
    [InlineData("")]
    [InlineData("/path/with:colon")]
    [InlineData("a/b:c")]
    [InlineData("%6Aavascript:alert(1)")]
    [InlineData("&amp;javascript:x")]
    public void Http_mailto_and_relative_urls_are_allowed(string url) => Assert.True(UrlPolicy.IsAllowed(url), url);

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData("  javascript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("java\nscript:alert(1)")]
    [InlineData("java\u0000script:alert(1)")]
    [InlineData("\u0001javascript:alert(1)")]
    [InlineData("java script:alert(1)")]
    [InlineData("java\u200Bscript:alert(1)")]
    [InlineData("&#106;avascript:alert(1)")]
    [InlineData("&#106avascript:alert(1)")]
    [InlineData("&#x6A;avascript:alert(1)")]
    [InlineData("&#X6a;avascript:alert(1)")]
    [InlineData("&#0000106;avascript:alert(1)")]
    [InlineData("javascript&colon;alert(1)")]
    [InlineData("javascript&#58;alert(1)")]
    [InlineData("java&Tab;script:alert(1)")]
    [InlineData("java&NewLine;script:alert(1)")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=")]
    [InlineData("DATA:image/png;base64,AAAA")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.org/")]
    [InlineData("tel:+123")]
    public void Every_other_scheme_is_refused_however_it_is_hidden(string url) => Assert.False(UrlPolicy.IsAllowed(url), url);

    [Theory]
    [InlineData("java\tscript:x", "javascript")]
    [InlineData("&#x48;TTPS://x", "https")]
    [InlineData("relative/path", null)]
    [InlineData("1abc:x", null)]
    public void The_scheme_is_the_one_a_browser_would_see(string url, string? scheme) => Assert.Equal(scheme, UrlPolicy.SchemeOf(url));
}
