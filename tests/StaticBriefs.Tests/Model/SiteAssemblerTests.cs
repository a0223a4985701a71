using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;
using StaticBriefs.Model;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Model;

public sealed class SiteAssemblerTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    private (SiteModel Model, IReadOnlyList<Diagnostic> Diagnostics) Assemble(
        bool drafts = false, bool future = false, bool strict = false)
    {
        var bag = new DiagnosticBag();
        var loaded = SiteLoader.Load(_site.InputDirectory, bag);
        var model = SiteAssembler.Assemble(loaded, new AssemblyOptions(drafts, future, TestSite.Now, strict), bag);
        return (model, bag.Sorted());
    }

    private void WriteBrief(string path, string frontMatter) => _site.Write(path, TestSite.Brief(frontMatter));

    [Fact]
    public void Briefs_are_newest_first_with_ids_matching_their_position()
    {
        WriteBrief("briefs/a.md", "title: A\ndate: 2024-01-01");
        WriteBrief("briefs/b.md", "title: B\ndate: 2024-03-01");
        WriteBrief("briefs/c.md", "title: C\ndate: 2024-02-01T10:00:00Z");

        var (model, diagnostics) = Assemble();

        Assert.Empty(diagnostics);
        Assert.Equal(["b", "c", "a"], model.Briefs.Select(b => b.Slug));
        Assert.Equal([0, 1, 2], model.Briefs.Select(b => b.Id));
        Assert.Equal("/briefs/b/", model.Briefs[0].Path);
    }

    [Fact]
    public void Briefs_with_the_same_date_are_ordered_by_slug()
    {
        WriteBrief("briefs/zeta.md", "title: Z\ndate: 2024-01-01");
        WriteBrief("briefs/alpha.md", "title: A\ndate: 2024-01-01");

        var (model, _) = Assemble();

        Assert.Equal(["alpha", "zeta"], model.Briefs.Select(b => b.Slug));
    }

    [Fact]
    public void Drafts_and_future_briefs_are_left_out_unless_asked_for()
    {
        WriteBrief("briefs/live.md", "title: Live\ndate: 2024-01-01");
        WriteBrief("briefs/draft.md", "title: Draft\ndate: 2024-01-02\ndraft: true");
        WriteBrief("briefs/future.md", $"title: Future\ndate: {TestSite.Now.AddDays(1):yyyy-MM-dd}");

        Assert.Equal(["live"], Assemble().Model.Briefs.Select(b => b.Slug));
        Assert.Equal(["draft", "live"], Assemble(drafts: true).Model.Briefs.Select(b => b.Slug));
        Assert.Equal(["future", "live"], Assemble(future: true).Model.Briefs.Select(b => b.Slug));
        Assert.Equal(["future", "draft", "live"], Assemble(drafts: true, future: true).Model.Briefs.Select(b => b.Slug));
    }

    [Fact]
    public void Slug_comes_from_front_matter_or_else_the_file_name()
    {
        WriteBrief("briefs/2024/My Brief.md", "title: A\ndate: 2024-01-01");
        WriteBrief("briefs/2024/other.md", "title: B\ndate: 2024-01-02\nslug: chosen-slug");

        var (model, _) = Assemble();

        Assert.Equal(["chosen-slug", "my-brief"], model.Briefs.Select(b => b.Slug));
        Assert.Equal("/briefs/my-brief/", model.PathsBySource["briefs/2024/My Brief.md"]);
    }

    [Fact]
    public void Duplicate_slug_is_SB005_on_both_files_each_naming_the_other()
    {
        WriteBrief("briefs/2024/one.md", "title: One\ndate: 2024-01-01\nslug: same");
        WriteBrief("briefs/2025/two.md", "title: Two\nslug: same\ndate: 2025-01-01");

        var (_, diagnostics) = Assemble();

        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal((Severity.Error, DiagnosticCodes.DuplicateSlug), (d.Severity, d.Code)));
        Assert.Equal(("briefs/2024/one.md", 4), (diagnostics[0].File, diagnostics[0].Line));
        Assert.Contains("briefs/2025/two.md", diagnostics[0].Message);
        Assert.Equal(("briefs/2025/two.md", 3), (diagnostics[1].File, diagnostics[1].Line));
        Assert.Contains("briefs/2024/one.md", diagnostics[1].Message);
    }

    [Fact]
    public void Term_display_name_is_the_spelling_most_briefs_use()
    {
        WriteBrief("briefs/a.md", "title: A\ndate: 2024-01-01\ncompanies: [Open AI]");
        WriteBrief("briefs/b.md", "title: B\ndate: 2024-01-02\ncompanies: [OpenAI]");
        WriteBrief("briefs/c.md", "title: C\ndate: 2024-01-03\ncompanies: [openai]");
        WriteBrief("briefs/d.md", "title: D\ndate: 2024-01-04\ncompanies: [OpenAI]");

        var (model, _) = Assemble();

        var term = Assert.Single(model[TaxonomyKind.Companies].ByName);
        Assert.Equal("OpenAI", term.Name);
        Assert.Equal("openai", term.Slug);
        Assert.Equal("/companies/openai/", term.Path);
        Assert.Equal([0, 1, 2, 3], term.BriefIds.ToArray());
    }

    [Fact]
    public void Alias_from_the_data_file_folds_into_the_entity_and_takes_its_name()
    {
        _site.Write("_data/companies.yml", "- name: OpenAI\n  aliases: [OpenAI Inc.]\n  description: Lab.\n");
        WriteBrief("briefs/a.md", "title: A\ndate: 2024-01-01\ncompanies: [OpenAI Inc.]");
        WriteBrief("briefs/b.md", "title: B\ndate: 2024-01-02\ncompanies: [OpenAI Inc.]");
        WriteBrief("briefs/c.md", "title: C\ndate: 2024-01-03\ncompanies: [OpenAI]");

        var (model, diagnostics) = Assemble();

        Assert.Empty(diagnostics);
        var term = Assert.Single(model[TaxonomyKind.Companies].ByName);
        Assert.Equal("OpenAI", term.Name);
        Assert.Equal(3, term.Count);
        Assert.Equal("Lab.", term.Entity?.Description);
    }

    [Fact]
    public void Repeated_tag_in_one_brief_counts_once()
    {
        WriteBrief("briefs/a.md", "title: A\ndate: 2024-01-01\ncompanies: [OpenAI, Open AI]");

        var (model, _) = Assemble();

        Assert.Equal([TermKey.From("OpenAI")], model.Briefs[0].Companies.ToArray());
        Assert.Equal(1, Assert.Single(model[TaxonomyKind.Companies].ByName).Count);
    }

    [Fact]
    public void Unknown_tag_warns_SB012_with_did_you_mean_when_data_exists()
    {
        _site.Write("_data/companies.yml", "- name: Anthropic\n- name: OpenAI\n");
        WriteBrief("briefs/a.md", "title: A\ndate: 2024-01-01\ncompanies:\n  - OpenAI\n  - Antropic");

        var (_, diagnostics) = Assemble();

        var warning = Assert.Single(diagnostics);
        Assert.Equal((Severity.Warning, DiagnosticCodes.UnknownEntity, "briefs/a.md", 6),
            (warning.Severity, warning.Code, warning.File, warning.Line));
        Assert.Contains("did you mean 'Anthropic'", warning.Message);
    }

    [Fact]
    public void Unknown_tag_is_an_error_when_strict()
    {
        _site.Write("_data/companies.yml", "- name: Anthropic\n");
        WriteBrief("briefs/a.md", "title: A\ndate: 2024-01-01\ncompanies: [Antropic]");

        var (_, diagnostics) = Assemble(strict: true);

        var error = Assert.Single(diagnostics);
        Assert.Equal((Severity.Error, DiagnosticCodes.UnknownEntity), (error.Severity, error.Code));
    }

    [Fact]
    public void Unknown_tags_are_not_reported_for_kinds_without_a_data_file()
    {
        _site.Write("_data/companies.yml", "- name: Anthropic\n");
        WriteBrief("briefs/a.md", "title: A\ndate: 2024-01-01\ncompanies: [Anthropic]\npeople: [Nobody Known]");

        Assert.Empty(Assemble(strict: true).Diagnostics);
    }

    [Fact]
    public void Term_used_as_company_and_topic_is_SB013()
    {
        WriteBrief("briefs/a.md", "title: A\ndate: 2024-01-01\ncompanies: [Safety Inc]");
        WriteBrief("briefs/b.md", "title: B\ndate: 2024-01-02\ntopics: [safety inc]");

        var (model, diagnostics) = Assemble();

        var clash = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.TermKindClash, clash.Code);
        Assert.Contains("'Safety Inc' is used as a company and topic", clash.Message);
        Assert.Single(model[TaxonomyKind.Companies].ByName);
        Assert.Single(model[TaxonomyKind.Topics].ByName);
    }

    [Theory]
    [InlineData("/companies/", true)]
    [InlineData("/", true)]
    [InlineData("/page/2/", true)]
    [InlineData("/moves/", true)]
    [InlineData("/companies-news/", false)]
    [InlineData("/pages/about/", false)]
    [InlineData("/briefs/companies/", false)]
    public void A_page_on_a_listing_root_the_generator_owns_is_an_error(string permalink, bool taken)
    {
        _site.Write("notes.md", $"---\ntitle: Notes\nlayout: page\npermalink: {permalink}\n---\nHi\n");
        WriteBrief("briefs/a.md", "title: A\ndate: 2024-01-01");

        var (_, diagnostics) = Assemble();

        Assert.Equal(taken, diagnostics.Any(d => d.Code == DiagnosticCodes.DuplicateSlug && d.Message.Contains("used by the generator itself", StringComparison.Ordinal)));
    }

    [Fact]
    public void Pages_get_paths_from_their_file_and_known_paths_cover_every_page()
    {
        _site.Write("about.md", "---\ntitle: About\nlayout: page\n---\nHi\n");
        _site.Write("docs/Style Guide.md", "---\ntitle: Style\nlayout: page\n---\nHi\n");
        WriteBrief("briefs/a.md", "title: A\ndate: 2024-01-01\npeople: [Ada Lovelace]");

        var (model, diagnostics) = Assemble();

        Assert.Empty(diagnostics);
        Assert.Equal(["/about/", "/docs/style-guide/"], model.Pages.Select(p => p.Path));
        Assert.Contains("/briefs/a/", model.KnownPaths);
        Assert.Contains("/people/ada-lovelace/", model.KnownPaths);
        Assert.Contains("/about/", model.KnownPaths);
        Assert.Contains("/archive/", model.KnownPaths);
    }

    [Fact]
    public void Page_taking_a_generator_path_is_SB005()
    {
        _site.Write("archive.md", "---\ntitle: Archive\nlayout: page\n---\nHi\n");

        var error = Assert.Single(Assemble().Diagnostics);
        Assert.Equal((DiagnosticCodes.DuplicateSlug, "archive.md"), (error.Code, error.File));
    }

    [Fact]
    public void Terms_are_sorted_by_name_and_by_count()
    {
        WriteBrief("briefs/a.md", "title: A\ndate: 2024-01-01\ntopics: [beta, Alpha]");
        WriteBrief("briefs/b.md", "title: B\ndate: 2024-01-02\ntopics: [beta, gamma]");

        var (model, _) = Assemble();

        Assert.Equal(["Alpha", "beta", "gamma"], model[TaxonomyKind.Topics].ByName.Select(t => t.Name));
        Assert.Equal(["beta", "Alpha", "gamma"], model[TaxonomyKind.Topics].ByCount.Select(t => t.Name));
    }
}
