using StaticBriefs.Loading;

namespace StaticBriefs.Tests.Loading;

public sealed class InputScannerTests
{
    [Theory]
    [InlineData("briefs/a.md", true)]
    [InlineData("_data/companies.yml", false)]
    [InlineData("_theme", false)]
    [InlineData(".git", false)]
    [InlineData("briefs/_draft.md", false)]
    [InlineData("briefs/.hidden", false)]
    [InlineData("_headers", true)]
    [InlineData("_redirects", true)]
    [InlineData(".nojekyll", true)]
    [InlineData("CNAME", true)]
    [InlineData(".well-known", true)]
    [InlineData(".well-known/security.txt", true)]
    [InlineData(".well-known/_acme", true)]
    [InlineData(".well-known/.DS_Store", false)]
    [InlineData("docs/_headers", false)]
    [InlineData("docs/.well-known", false)]
    [InlineData("_site.yml", false)]
    public void Hidden_names_stay_out_except_the_host_files_at_the_root(string relative, bool published) =>
        Assert.Equal(published, InputScanner.IsPublished(relative));
}
