using StaticBriefs.Tests.Authoring;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Cli;

[Collection(CliCollection.Name)]
public sealed class NewCommandTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    private CliRun New(string title, string date = "2026-05-19T09:30:00+02:00") =>
        CliRun.Invoke("new", title, "--input", _site.InputDirectory, "--date", date);

    [Fact]
    public void New_writes_a_draft_under_briefs_year_slug_and_prints_its_path()
    {
        var run = New("Karpathy joins Anthropic");

        Assert.Equal(0, run.ExitCode);
        var expected = Path.Combine(_site.InputDirectory, "briefs", "2026", "karpathy-joins-anthropic.md");
        Assert.Equal(expected, run.Stdout.Trim());
        Assert.True(File.Exists(expected));
    }

    [Fact]
    public void New_front_matter_loads_with_the_document_loader_as_an_empty_draft()
    {
        var path = New("Karpathy joins Anthropic").Stdout.Trim();

        var document = AuthoringTestSupport.LoadClean(path);
        Assert.Equal("Karpathy joins Anthropic", document.Title);
        Assert.Equal(new DateTimeOffset(2026, 5, 19, 9, 30, 0, TimeSpan.FromHours(2)), document.Date);
        Assert.True(document.Draft);
        // No summary written: the first line of the outline stands in for it until the author writes one.
        Assert.True(document.SummaryDerived);
        Assert.Equal("What happened, in one or two sentences: who did what, and when.", document.Summary);
        Assert.Empty(document.Companies);
        Assert.Empty(document.People);
        Assert.Empty(document.Topics);
        Assert.Empty(document.Sources);
        Assert.Contains("\n## Why it matters\n", document.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("OpenAI: \"o1\" is here # really")]
    [InlineData("It's 'quoted' \\ back\\slashed: yes")]
    [InlineData("- [not] a list: {or a map}, & no anchor *")]
    [InlineData("true")]
    public void Title_with_quotes_colons_and_yaml_syntax_survives_exactly(string title)
    {
        var run = New(title);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(title, AuthoringTestSupport.LoadClean(run.Stdout.Trim()).Title);
    }

    [Fact]
    public void New_refuses_to_overwrite_an_existing_brief_and_leaves_it_untouched()
    {
        var path = New("Same title").Stdout.Trim();
        File.WriteAllText(path, "edited by the author");

        var again = New("Same title");

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already exists", again.Stderr);
        Assert.DoesNotContain("   at ", again.Stderr, StringComparison.Ordinal);
        Assert.Equal("edited by the author", File.ReadAllText(path));
    }

    [Fact]
    public void A_built_site_skips_the_new_draft_until_drafts_are_asked_for()
    {
        New("Fresh draft", "2024-01-01");

        _site.BuildOk();
        Assert.False(_site.OutputExists("briefs/fresh-draft/index.html"));
        _site.BuildOk(o => o with { IncludeDrafts = true });
        Assert.True(_site.OutputExists("briefs/fresh-draft/index.html"));
    }

    [Fact]
    public void Bad_date_and_empty_title_are_usage_errors()
    {
        var badDate = New("A title", "19/05/2026");
        var empty = New("  ");

        Assert.Equal(2, badDate.ExitCode);
        Assert.Contains("--date '19/05/2026' is not a date", badDate.Stderr);
        Assert.Equal(2, empty.ExitCode);
        Assert.Contains("title is empty", empty.Stderr);
        Assert.Empty(TestSite.FilesUnder(_site.InputDirectory));
    }

    [Fact]
    public void Help_says_new_briefs_start_as_drafts()
    {
        var run = CliRun.Invoke("new", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("draft: true", run.Stdout);
    }

    [Fact]
    public void New_writes_relations_given_as_options_and_the_brief_loads_them()
    {
        var run = CliRun.Invoke("new", "Karpathy joins Anthropic", "--input", _site.InputDirectory, "--date", "2026-05-19T09:30:00+02:00",
            "--relation", "Andrej Karpathy joins Anthropic as pre-training", "--relation", "Andrej Karpathy leaves Eureka Labs");

        Assert.Equal(0, run.ExitCode);
        var document = AuthoringTestSupport.LoadClean(run.Stdout.Trim());
        Assert.Equal(["Andrej Karpathy joins Anthropic (pre-training)", "Andrej Karpathy leaves Eureka Labs ()"],
            document.Relations.Select(r => $"{r.Subject} {StaticBriefs.Model.Relations.RelationVerbs.Text(r.Verb)} {r.Object} ({r.Role})"));
    }

    [Fact]
    public void New_refuses_a_relation_without_a_verb_and_writes_nothing()
    {
        var run = CliRun.Invoke("new", "Karpathy", "--input", _site.InputDirectory, "--relation", "Karpathy hires Anthropic");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no known verb", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_site.InputDirectory, "briefs")));
    }
}
