using StaticBriefs.Diagnostics;
using StaticBriefs.Model;

namespace StaticBriefs.Tests.Model;

/// <summary>What reading a whole site of another generator's posts reports once, never once per file.</summary>
public sealed class ReadingNotesTests
{
    private static SourceDocument Document(string path, string? layout = null, DocumentKind kind = DocumentKind.Brief, params string[] unusedLists) => new()
    {
        RelativePath = path, Kind = kind, Title = "x", Body = "",
        Layout = layout is null ? null : new LocatedText(layout, 3, 9),
        UnusedLists = [.. unusedLists.Select(k => new LocatedText(k, 5, 1))],
    };

    private static IReadOnlyList<Diagnostic> Report(params SourceDocument[] documents)
    {
        var bag = new DiagnosticBag();
        ReadingNotes.Report(documents, bag);
        return bag.Sorted();
    }

    [Fact]
    public void An_unknown_layout_is_one_warning_per_value_at_its_first_file_naming_three_and_counting_the_rest()
    {
        var found = Report([.. Enumerable.Range(1, 5).Select(i => Document($"p{i}.md", "news_item_v2")), Document("a.md", "wide")]);

        Assert.Equal(2, found.Count);
        var first = Assert.Single(found, d => d.Message.Contains("'news_item_v2'", StringComparison.Ordinal));
        Assert.Equal((Severity.Warning, DiagnosticCodes.UnknownLayout, "p1.md", 3, 9), (first.Severity, first.Code, first.File, first.Line, first.Column));
        Assert.Contains("5 files: p1.md, p2.md, p3.md and 2 more", first.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("post")]
    [InlineData("news_item")]
    [InlineData("single")]
    [InlineData("page")]
    public void Layouts_that_mean_a_post_or_a_page_are_silent(string layout) =>
        Assert.Empty(Report(Document("a.md", layout)));

    [Fact]
    public void Unused_lists_stubs_and_listings_are_each_named_once()
    {
        var found = Report(
            Document("a.md", unusedLists: "sig"), Document("b.md", unusedLists: ["sig", "taxonomies.series"]),
            Document("releases/latest.md", kind: DocumentKind.Stub), Document("blog.md", kind: DocumentKind.Listing));

        Assert.Equal(2, found.Count(d => d.Code == DiagnosticCodes.UnusedList));
        Assert.Contains("'sig' holds a list that nothing reads (2 files: a.md, b.md)", found.Single(d => d.Code == DiagnosticCodes.UnusedList && d.File == "a.md").Message, StringComparison.Ordinal);
        Assert.Contains("taxonomies: { taxonomies.series: topics }", found.Single(d => d.File == "b.md").Message, StringComparison.Ordinal);
        Assert.Equal(["blog.md", "releases/latest.md"], found.Where(d => d.Code == DiagnosticCodes.NotRead).Select(d => d.File).Order(StringComparer.Ordinal));
    }
}
