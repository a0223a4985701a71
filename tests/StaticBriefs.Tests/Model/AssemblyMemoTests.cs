using System.Collections.Immutable;
using System.Globalization;
using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;
using StaticBriefs.Model;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Model;

/// <summary>
/// An assembly given the memo of the last one decides again only for the documents that changed, and makes the very
/// model and diagnostics an assembly without it makes.
/// </summary>
public sealed class AssemblyMemoTests : IDisposable
{
    private static readonly AssemblyOptions Options = new(false, false, TestSite.Now);
    private readonly TestSite _site = new();

    public AssemblyMemoTests()
    {
        _site.Write("_data/companies.yml", "- name: Anthropic\n  aliases: [Anthropic PBC]\n- name: OpenAI\n");
        _site.Write("_data/people.yml", "- name: Andrej Karpathy\n");
        // Every kind of per-document report: an unknown tag, a relation name that does not resolve, two permalinks.
        Brief("briefs/a.md", "title: A\ndate: 2024-01-01\ncompanies: [Anthropic PBC, Unknown Co]\ntopics: [AI, ai]");
        Brief("briefs/b.md", "title: B\ndate: 2024-02-01\nrelations:\n  - {subject: Andrej Karpathy, verb: joins, object: Anthropic}");
        Brief("briefs/c.md", "title: C\ndate: 2024-03-01\npermalink: /c/\npath: c.html\ncompanies: [OpenAI]");
        Brief("briefs/d.md", "title: D\ndate: 2024-04-01\nrelations:\n  - {subject: Andrej Karpathi, verb: leaves, object: OpenAI}");
        Brief("briefs/e.md", "title: E\ndate: 2024-05-01\npeople: [Andrej Karpathy, Someone Else]\ncompanies: [Unknown co]");
    }

    public void Dispose() => _site.Dispose();

    private void Brief(string path, string frontMatter) => _site.Write(path, TestSite.Brief(frontMatter));

    private LoadedSite Load() => SiteLoader.Load(_site.InputDirectory, new DiagnosticBag());

    /// <summary>The loaded site after editing files on disk, keeping every unchanged document as the same object (as preview does).</summary>
    private static LoadedSite Edited(LoadedSite before, LoadedSite reloaded, params string[] changed)
    {
        var kept = before.Documents.Where(d => !changed.Contains(d.RelativePath) && reloaded.Documents.Any(r => r.RelativePath == d.RelativePath));
        var fresh = reloaded.Documents.Where(d => changed.Contains(d.RelativePath));
        return before with { Documents = [.. kept, .. fresh] };
    }

    [Fact]
    public void After_edits_the_remembered_assembly_equals_a_fresh_one_and_reuses_every_unchanged_brief()
    {
        var first = Load();
        var firstBag = new DiagnosticBag();
        var before = SiteAssembler.Assemble(first, Options, firstBag, AssemblyMemo.Empty, out var memo);
        Assert.NotNull(memo);
        var plainBag = new DiagnosticBag();
        Assert.Equal(Describe(SiteAssembler.Assemble(first, Options, plainBag), plainBag.Sorted()), Describe(before, firstBag.Sorted()));

        // A brief moved (b: newest now), one added, one deleted, one retagged; a and c keep their ids.
        Brief("briefs/b.md", "title: B\ndate: 2024-06-01\nrelations:\n  - {subject: Andrej Karpathy, verb: joins, object: Anthropic}");
        Brief("briefs/f.md", "title: F\ndate: 2023-06-01\ncompanies: [Newco]");
        _site.Delete("briefs/d.md");
        Brief("briefs/e.md", "title: E\ndate: 2024-05-01\npeople: [Andrej Karpathy]\ntopics: [Fresh topic]");
        var second = Edited(first, Load(), "briefs/b.md", "briefs/f.md", "briefs/e.md");

        var rememberedBag = new DiagnosticBag();
        var remembered = SiteAssembler.Assemble(second, Options, rememberedBag, memo, out var next);
        var freshBag = new DiagnosticBag();
        var fresh = SiteAssembler.Assemble(second, Options, freshBag);

        Assert.Equal(Describe(fresh, freshBag.Sorted()), Describe(remembered, rememberedBag.Sorted()));
        Assert.Contains(freshBag.Sorted(), d => d.Code == DiagnosticCodes.UnknownEntity && d.File == "briefs/a.md");
        Assert.Contains(freshBag.Sorted(), d => d.Code == DiagnosticCodes.BadPermalink && d.File == "briefs/c.md");
        // An unchanged brief that kept its id (c: e, d, c, b, a became b, e, c, a, f) is the very object of the last
        // model; the others were made anew.
        var reused = remembered.Briefs.Where(b => before.Briefs.Any(o => ReferenceEquals(o, b))).Select(b => b.Source.RelativePath);
        Assert.Equal(["briefs/c.md"], reused);
        Assert.DoesNotContain(fresh.Briefs, b => before.Briefs.Any(o => ReferenceEquals(o, b)));

        // The memo handed on works for the edit after that too.
        Brief("briefs/c.md", "title: C\ndate: 2022-03-01\ncompanies: [OpenAI]");
        var third = Edited(second, Load(), "briefs/c.md");
        var thirdBag = new DiagnosticBag();
        var thirdFreshBag = new DiagnosticBag();
        Assert.Equal(
            Describe(SiteAssembler.Assemble(third, Options, thirdFreshBag), thirdFreshBag.Sorted()),
            Describe(SiteAssembler.Assemble(third, Options, thirdBag, next, out _), thirdBag.Sorted()));
    }

    [Fact]
    public void New_entity_data_or_settings_decide_everything_again()
    {
        var first = Load();
        var before = SiteAssembler.Assemble(first, Options, new DiagnosticBag(), AssemblyMemo.Empty, out var memo);

        // 'Unknown Co' becomes a known company: the warnings about it go, every brief is resolved again.
        _site.Write("_data/companies.yml", "- name: Anthropic\n  aliases: [Anthropic PBC]\n- name: OpenAI\n- name: Unknown Co\n");
        var entities = first with { Entities = Load().Entities };
        var bag = new DiagnosticBag();
        var remembered = SiteAssembler.Assemble(entities, Options, bag, memo, out _);
        var freshBag = new DiagnosticBag();
        Assert.Equal(Describe(SiteAssembler.Assemble(entities, Options, freshBag), freshBag.Sorted()), Describe(remembered, bag.Sorted()));
        Assert.DoesNotContain(bag.Sorted(), d => d.Message.Contains("'Unknown Co'", StringComparison.Ordinal));
        Assert.DoesNotContain(remembered.Briefs, b => before.Briefs.Any(o => ReferenceEquals(o, b)));

        // Other settings (another permalink pattern): every place is decided again.
        var settings = first with { Settings = first.Settings with { BriefPermalink = PermalinkPattern.Parse("/news/:slug/", out _)! } };
        var settingsBag = new DiagnosticBag();
        var moved = SiteAssembler.Assemble(settings, Options, settingsBag, memo, out _);
        var settingsFreshBag = new DiagnosticBag();
        Assert.Equal(Describe(SiteAssembler.Assemble(settings, Options, settingsFreshBag), settingsFreshBag.Sorted()), Describe(moved, settingsBag.Sorted()));
        Assert.All(moved.Briefs.Where(b => b.Slug != "c"), b => Assert.StartsWith("/news/", b.Path, StringComparison.Ordinal));
    }

    /// <summary>Everything the model says, as text: briefs, terms, relations, paths, and the diagnostics.</summary>
    private static string Describe(SiteModel site, IReadOnlyList<Diagnostic> diagnostics)
    {
        var lines = new List<string>();
        foreach (var b in site.Briefs)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"brief {b.Id} {b.Source.RelativePath} {b.Path} {b.Slug} {b.Date:O} [{Keys(b.Companies)}] [{Keys(b.People)}] [{Keys(b.Topics)}]"));
        }
        foreach (var kind in TaxonomyKinds.All)
        {
            foreach (var t in site[kind].ByName) lines.Add($"term {kind} {t.Key.Value} {t.Name} {t.Slug} [{string.Join(',', t.BriefIds)}]");
            lines.Add($"by count {kind}: {string.Join(',', site[kind].ByCount.Select(t => t.Key.Value))}");
        }
        lines.AddRange(site.Relations.All.Select(r => $"relation {r}"));
        lines.AddRange(site.KnownPaths.Order(StringComparer.Ordinal).Select(p => "known " + p));
        lines.AddRange(site.PathsBySource.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"source {p.Key} {p.Value}"));
        lines.AddRange(diagnostics.Select(d => "diagnostic " + d));
        return string.Join('\n', lines);
    }

    private static string Keys(ImmutableArray<TermKey> keys) => string.Join(',', keys.Select(k => k.Value));
}
