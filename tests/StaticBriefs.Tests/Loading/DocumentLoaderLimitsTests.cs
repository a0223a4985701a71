using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;
using StaticBriefs.Model;
using StaticBriefs.Text;

namespace StaticBriefs.Tests.Loading;

/// <summary>Caps with warnings at file:line:col, positions on every value, and values cleaned of control characters.</summary>
public sealed class DocumentLoaderLimitsTests
{
    private static (SourceDocument? Document, IReadOnlyList<Diagnostic> Diagnostics) Load(string frontMatter, string path = "briefs/x.md")
    {
        var bag = new DiagnosticBag();
        var document = DocumentLoader.Load("---\n" + frontMatter + "\n---\nBody\n", path, bag);
        return (document, bag.Sorted());
    }

    [Fact]
    public void Tags_past_fifty_of_a_kind_are_dropped_with_a_warning_at_the_first_dropped()
    {
        var topics = string.Join("\n", Enumerable.Range(0, 60).Select(i => $"  - t{i}"));
        var (document, diagnostics) = Load($"title: x\ndate: 2024-01-01\ntopics:\n{topics}");

        Assert.Equal(ContentCaps.TagsPerKind, document!.Topics.Length);
        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.CapApplied, Severity.Warning, 5 + 50, 5), (warning.Code, warning.Severity, warning.Line, warning.Column));
    }

    [Fact]
    public void More_tags_than_a_card_shows_is_a_warning_at_the_key_and_nothing_is_dropped()
    {
        var (document, diagnostics) = Load("title: x\ndate: 2024-01-01\ncompanies: [" + string.Join(", ", Enumerable.Range(0, 13).Select(i => "c" + i)) + "]");

        Assert.Equal(13, document!.Companies.Length);
        var warning = Assert.Single(diagnostics);
        Assert.Equal((4, 12), (warning.Line, warning.Column));
        Assert.Contains("cards in listings show the first 12", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_titles_summaries_authors_and_tags_are_cut_with_warnings()
    {
        var (document, diagnostics) = Load(
            $"title: {new string('t', 600)}\ndate: 2024-01-01\nsummary: {new string('s', 3000)}\nauthor: {new string('a', 300)}\ntopics: [{new string('x', 300)}]");

        Assert.Equal((ContentCaps.TitleLength, ContentCaps.SummaryLength, ContentCaps.AuthorLength, ContentCaps.TagLength),
            (document!.Title.Length, document.Summary!.Length, document.Author!.Length, document.Topics[0].Name.Length));
        Assert.Equal([(2, 8), (4, 10), (5, 9), (6, 10)], diagnostics.Select(d => (d.Line, d.Column)));
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticCodes.CapApplied, d.Code));
    }

    [Fact]
    public void A_long_slug_is_cut_at_a_dash_and_a_long_file_name_is_reported()
    {
        var (document, diagnostics) = Load("title: x\ndate: 2024-01-01\nslug: " + string.Join('-', Enumerable.Repeat("word", 40)));
        Assert.True(document!.Slug!.Length <= Slugger.MaxLength);
        Assert.EndsWith("word", document.Slug, StringComparison.Ordinal);
        Assert.Equal((4, 7), (diagnostics.Single().Line, diagnostics.Single().Column));

        var (_, fromName) = Load("title: x\ndate: 2024-01-01", "briefs/" + new string('n', 120) + ".md");
        Assert.Equal((0, DiagnosticCodes.CapApplied), (fromName.Single().Line, fromName.Single().Code));
    }

    [Fact]
    public void Control_characters_are_removed_from_values_with_a_warning()
    {
        var (document, diagnostics) = Load("title: \"a\\0b\\ec\"\ndate: 2024-01-01\ncompanies: [\"Ac\\x07me\"]");

        Assert.Equal(("abc", "Acme"), (document!.Title, document.Companies[0].Name));
        Assert.Equal([(2, 8, "U+0000"), (4, 13, "U+0007")], diagnostics.Select(d => (d.Line, d.Column, d.Message[(d.Message.IndexOf("U+", StringComparison.Ordinal))..][..6])));
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticCodes.ControlCharacter, d.Code));
    }

    [Fact]
    public void Values_of_the_wrong_shape_are_reported_at_the_value_with_its_column()
    {
        var (_, diagnostics) = Load("title: x\ndate: 2024-01-01\ndraft: maybe\nnav:   [1]\nslug: Not A Slug");

        Assert.Equal([(4, 8), (5, 8), (6, 7)], diagnostics.Select(d => (d.Line, d.Column)));
    }

    [Fact]
    public void Tags_and_sources_keep_their_line_and_column()
    {
        var (document, _) = Load("title: x\ndate: 2024-01-01\ncompanies: [A, B]\nsources:\n  - https://example.org/");

        Assert.Equal([(4, 13), (4, 16)], document!.Companies.Select(c => (c.Line, c.Column)));
        Assert.Equal((6, 5), (Assert.Single(document.SourceLines), Assert.Single(document.SourceColumns)));
    }
}
