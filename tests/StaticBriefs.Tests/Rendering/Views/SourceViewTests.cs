using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Tests.Rendering.Views;

public sealed class SourceViewTests
{
    [Theory]
    [InlineData("https://www.ndtvprofit.com/business/amazon-invests-an-additional-4-billion-in-ai-firm-anthropic", "ndtvprofit.com", "Amazon invests an additional 4 billion in ai firm anthropic")]
    [InlineData("https://www.yahoo.com/news/anthropic-hires-former-openai-safety-172443626.html", "yahoo.com", "Anthropic hires former openai safety")]
    [InlineData("https://www.anthropic.com/news", "anthropic.com", "News")]
    [InlineData("https://eurekalabs.ai", "eurekalabs.ai", "")]
    [InlineData("https://github.com/karpathy/LLM101n", "github.com", "karpathy/LLM101n")]
    [InlineData("https://github.com/ollama/ollama/blob/main/docs/api.md", "github.com", "ollama/ollama: docs/api.md")]
    [InlineData("https://gitlab.com/group/project/-/blob/v1.2/README.md", "gitlab.com", "group/project: README.md")]
    [InlineData("https://codeberg.org/forgejo/forgejo/src/branch/forgejo/docs/a.md", "codeberg.org", "forgejo/forgejo: docs/a.md")]
    [InlineData("https://huggingface.co/deepseek-ai/DeepSeek-R1-Distill-Qwen-7B", "huggingface.co", "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B")]
    [InlineData("https://github.com/ollama", "github.com", "Ollama")]
    [InlineData("https://example.org/p/my_post%20here/", "example.org", "My post here")]
    public void A_source_reads_as_its_site_and_a_title_from_its_address(string url, string site, string title)
    {
        var source = SourceView.From(url);

        Assert.Equal((url, site, title), (source.Url, source.Site, source.Title));
    }

    [Fact]
    public void A_relative_or_mail_source_is_shown_as_written()
    {
        Assert.Equal(new SourceView("/notes/", "", "/notes/"), SourceView.From("/notes/"));
        Assert.Equal(new SourceView("mailto:a@b.example", "", "mailto:a@b.example"), SourceView.From("mailto:a@b.example"));
    }
}
