using System.Text.RegularExpressions;
using StaticBriefs.Benchmarks.Corpus;
using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;
using StaticBriefs.Model;
using StaticBriefs.Rendering.Markdown;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Benchmarks;

/// <summary>The benchmark corpus: reproducible bytes, the promised shape, and a site that builds cleanly.</summary>
public sealed partial class CorpusGeneratorTests : IDisposable
{
    // Late enough that no generated brief is in the future (they are dated up to the end of LastYear).
    private static readonly DateTimeOffset AfterCorpus = new(CorpusGenerator.LastYear + 1, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly List<TestSite> _sites = [];

    public void Dispose()
    {
        foreach (var site in _sites) site.Dispose();
    }

    private TestSite Generate(int count, int seed)
    {
        var site = new TestSite();
        _sites.Add(site);
        CorpusGenerator.Write(site.InputDirectory, count, seed);
        return site;
    }

    private static Dictionary<string, byte[]> Files(TestSite site) =>
        Directory.EnumerateFiles(site.InputDirectory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(site.InputDirectory, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);

    [Fact]
    public void The_same_count_and_seed_give_byte_identical_files_and_another_seed_gives_different_ones()
    {
        var first = Files(Generate(20, 7));
        var again = Files(Generate(20, 7));
        var other = Files(Generate(20, 8));

        Assert.Equal(first.Keys.Order(StringComparer.Ordinal), again.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in first) Assert.True(bytes.AsSpan().SequenceEqual(again[path]), path);
        Assert.NotEqual(first.Keys.Where(k => k.StartsWith("briefs/", StringComparison.Ordinal)).Order(StringComparer.Ordinal),
            other.Keys.Where(k => k.StartsWith("briefs/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.False(first["_data/companies.yml"].AsSpan().SequenceEqual(other["_data/companies.yml"]));
    }

    [Fact]
    public void Every_brief_has_the_promised_front_matter_and_a_600_to_900_word_body_with_every_markdown_feature()
    {
        const int count = 40;
        var site = Generate(count, CorpusGenerator.DefaultSeed);
        var diagnostics = new DiagnosticBag();
        var loaded = SiteLoader.Load(site.InputDirectory, diagnostics);
        var model = SiteAssembler.Assemble(loaded, new AssemblyOptions(false, false, AfterCorpus), diagnostics);
        var markdown = new MarkdownRenderer(MarkdownPipelineFactory.Create(new MarkdownOptions(false)),
            new LinkContext("/", model.KnownPaths, model.PathsBySource, new HashSet<string>(StringComparer.Ordinal)));

        Assert.Empty(diagnostics.Sorted());
        Assert.Equal(count, loaded.Documents.Length);
        Assert.Equal(count, model.Briefs.Length);
        foreach (var doc in loaded.Documents)
        {
            var path = BriefPath().Match(doc.RelativePath);
            Assert.True(path.Success, doc.RelativePath);
            Assert.Equal(doc.Date!.Value.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), path.Groups["year"].Value);
            Assert.InRange(doc.Date.Value.Year, CorpusGenerator.FirstYear, CorpusGenerator.LastYear);
            Assert.False(string.IsNullOrWhiteSpace(doc.Title));
            Assert.False(string.IsNullOrWhiteSpace(doc.Summary));
            Assert.False(string.IsNullOrWhiteSpace(doc.Author));
            Assert.InRange(doc.Companies.Length, 1, 4);
            Assert.InRange(doc.People.Length, 0, 3);
            Assert.InRange(doc.Topics.Length, 1, 3);
            Assert.InRange(doc.Sources.Length, 1, 3);

            var body = markdown.Render(doc.Body, doc.RelativePath, doc.BodyFirstLine, diagnostics);
            Assert.InRange(body.WordCount, CorpusGenerator.MinWords, CorpusGenerator.MaxWords);
            Assert.InRange(Regex.Count(doc.Body, "^## ", RegexOptions.Multiline), 5, 7);
            foreach (var feature in (string[])["\n- ", "| --- |", "\n```", "](https://", "](/briefs/", " `"])
                Assert.Contains(feature, doc.Body, StringComparison.Ordinal);
        }
        Assert.Empty(diagnostics.Sorted()); // every internal link points at a brief that exists
        Assert.InRange(loaded.Documents.Select(d => d.Date!.Value.Year).Distinct().Count(), 3, 7);
    }

    [Fact]
    public void Data_files_describe_a_fraction_of_the_entities_and_briefs_use_some_aliases()
    {
        var site = Generate(60, CorpusGenerator.DefaultSeed);
        var loaded = SiteLoader.Load(site.InputDirectory, new DiagnosticBag());
        var byKind = loaded.Entities.GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.ToList());

        Assert.Equal(CorpusEntities.CompanyCount, byKind[TaxonomyKind.Companies].Count);
        Assert.Equal(CorpusEntities.PersonCount, byKind[TaxonomyKind.People].Count);
        Assert.Equal(CorpusEntities.TopicCount, byKind[TaxonomyKind.Topics].Count);
        foreach (var (_, entities) in byKind)
        {
            var described = entities.Count(e => e.Description is not null);
            Assert.InRange(described, entities.Count / 10, entities.Count * 7 / 10);
            Assert.Contains(entities, e => e.Aliases.Length > 0);
        }
        var aliases = loaded.Entities.SelectMany(e => e.Aliases).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(loaded.Documents.SelectMany(d => d.Companies.Concat(d.People).Concat(d.Topics)), tag => aliases.Contains(tag.Name));
        Assert.True(File.Exists(Path.Combine(site.InputDirectory, "_site.yml")));
    }

    [Fact]
    public void A_generated_corpus_of_50_briefs_builds_with_no_errors_or_warnings()
    {
        var site = Generate(50, CorpusGenerator.DefaultSeed);

        var result = site.Build(o => o with { Now = AfterCorpus, Minify = true });

        Assert.True(result.Written, string.Join('\n', result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        Assert.Equal(50, result.Briefs);
        Assert.True(File.Exists(Path.Combine(site.OutputDirectory, "index.html")));
        Assert.Equal(50, Directory.GetDirectories(Path.Combine(site.OutputDirectory, "briefs")).Length);
    }

    [Fact]
    public void A_corpus_with_relations_differs_only_in_relation_lines_and_builds_with_no_errors_or_warnings()
    {
        var plain = Generate(60, CorpusGenerator.DefaultSeed);
        var site = new TestSite();
        _sites.Add(site);
        CorpusGenerator.Write(site.InputDirectory, 60, CorpusGenerator.DefaultSeed, relations: true);
        var withRelations = Files(site);
        var changed = 0;
        foreach (var (path, bytes) in Files(plain))
        {
            var lines = System.Text.Encoding.UTF8.GetString(withRelations[path]).Split('\n')
                .Where(l => l != "relations:" && !l.StartsWith("  - {subject: ", StringComparison.Ordinal));
            Assert.Equal(System.Text.Encoding.UTF8.GetString(bytes), string.Join('\n', lines));
            if (!bytes.AsSpan().SequenceEqual(withRelations[path])) changed++;
        }
        Assert.InRange(changed, 20, 60);

        var result = site.Build(o => o with { Now = AfterCorpus, Minify = true });
        Assert.True(result.Written, string.Join('\n', result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        var relations = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(site.OutputDirectory, "relations.json")))!["relations"]!.AsArray();
        Assert.True(relations.Count >= changed, $"{relations.Count} relations for {changed} briefs with relations");
    }

    [GeneratedRegex(@"^briefs/(?<year>\d{4})/[a-z0-9-]+\.md$")]
    private static partial Regex BriefPath();
}
