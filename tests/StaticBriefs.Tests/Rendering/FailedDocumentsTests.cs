using StaticBriefs.Diagnostics;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Rendering;

/// <summary>Every problem in one run: URL, slug and link checks run on files whose front matter failed too.</summary>
public sealed class FailedDocumentsTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public void Front_matter_errors_links_and_clashes_come_in_the_same_run()
    {
        // No title (SB002) and a broken link in the body: both at once.
        _site.Write("blog/2019-12-05-moving-house.md", "---\nnewstitle: Moving\ndate: 2019-12-05\n---\n\nSee [versions](/docs/versions/).\n");
        // A bad date (SB003) on a file whose URL clashes with another's (SB005).
        _site.Write("2025/kubecon-eu.md", "---\ntitle: A\ndate: someday\n---\n\nText.\n");
        _site.Write("2026/kubecon-eu.md", "---\ntitle: B\ndate: 2025-01-01\n---\n\nText.\n");
        // A link to the file that failed is not reported again: its own errors say what to fix.
        _site.Write("posts/linker.md", "---\ntitle: L\ndate: 2024-01-01\n---\n\n[moving](../blog/2019-12-05-moving-house.md) [kube](/briefs/kubecon-eu/)\n");

        var result = _site.Build();

        Assert.Equal(
            [
                ("2025/kubecon-eu.md", DiagnosticCodes.DuplicateSlug),
                ("2025/kubecon-eu.md", DiagnosticCodes.BadDate),
                ("2026/kubecon-eu.md", DiagnosticCodes.DuplicateSlug),
                ("blog/2019-12-05-moving-house.md", DiagnosticCodes.MissingKey),
                ("blog/2019-12-05-moving-house.md", DiagnosticCodes.BrokenLink),
            ],
            result.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => (d.File, d.Code)));
        Assert.False(result.Written);
    }

    [Fact]
    public void A_file_that_failed_is_never_published_even_when_only_warnings_remain_elsewhere()
    {
        _site.Write("posts/ok.md", TestSite.Brief("title: OK\ndate: 2024-01-01"));
        _site.Write("posts/bad.md", "---\ntitle: [a, list]\ndate: 2024-01-02\n---\n\nBody.\n");

        var result = _site.Build();

        Assert.True(result.HasErrors);
        Assert.Equal(1, result.Briefs);
    }
}
