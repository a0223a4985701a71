using StaticBriefs.Incremental;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Incremental;

public sealed class IncrementalBuildTests
{
    private const string Brief = "briefs/2024/amazon-anthropic-4-billion.md";
    private const string NewestYearsOnly = "briefs/2026/karpathy-joins-anthropic.md";

    /// <summary>Each edit returns the input files it touched (what a watcher would report).</summary>
    public static TheoryData<string, bool> Edits()
    {
        var data = new TheoryData<string, bool>();
        foreach (var edit in Cases.Keys)
        {
            data.Add(edit, false);
            data.Add(edit, true);
        }
        return data;
    }

    /// <summary>Edits of the site's settings, theme or look, which preview hands to the full (cached) build.</summary>
    private static readonly HashSet<string> FullBuildEdits = ["change layout", "change stylesheet", "change site settings", "add entity to data"];

    public static TheoryData<string> LiveEdits() => [.. Cases.Keys];

    private static readonly Dictionary<string, Func<IncrementalSite, string[]>> Cases = new()
    {
        ["edit body"] = s => Replace(s, Brief, "Amazon remains a minority shareholder.", "Amazon is still a minority shareholder."),
        ["edit summary"] = s => Replace(s, Brief, "The new investment", "The fresh investment"),
        ["edit title"] = s => Replace(s, Brief, "Amazon invests another $4 billion", "Amazon puts another $4 billion"),
        ["add brief"] = s =>
        {
            s.Write("briefs/2025/new-brief.md", TestSite.Brief(
                "title: \"A new brief\"\ndate: 2025-03-01\ncompanies: [Anthropic, Newco]\ntopics: [Funding]",
                "Links to [the Amazon brief](/briefs/amazon-anthropic-4-billion/)."));
            return ["briefs/2025/new-brief.md"];
        },
        // A year no brief had: every archive year page lists the years, so all of them change.
        ["add brief of an earlier year"] = s =>
        {
            s.Write("briefs/2023/earlier.md", TestSite.Brief(
                "title: \"A brief from before the others\"\ndate: 2023-06-01\ncompanies: [Anthropic]", "The site's first year moves back."));
            return ["briefs/2023/earlier.md"];
        },
        ["delete brief"] = s =>
        {
            s.Site.Delete("briefs/2024/xai-raises-6-billion.md");
            return ["briefs/2024/xai-raises-6-billion.md"];
        },
        ["rename brief file"] = s =>
        {
            File.Move(Path.Combine(s.Site.InputDirectory, "briefs/2024/meta-llama-3.md"), Path.Combine(s.Site.InputDirectory, "briefs/2024/llama-3.md"));
            return ["briefs/2024/meta-llama-3.md", "briefs/2024/llama-3.md"];
        },
        ["add updated date"] = s => Replace(s, Brief, "amazon-invests-an-additional-4-billion-in-ai-firm-anthropic\n", "amazon-invests-an-additional-4-billion-in-ai-firm-anthropic\nupdated: 2024-12-01\n"),
        ["change tag"] = s => Replace(s, Brief, "companies: [Amazon, Anthropic, Google]", "companies: [Amazon, Anthropic, Mistral AI]"),
        ["change relation"] = s => Replace(s, Brief, "{subject: Amazon, verb: invests in, object: Anthropic}", "{subject: Amazon, verb: partners with, object: Anthropic}"),
        ["change date"] = s => Replace(s, Brief, "date: 2024-11-22", "date: 2024-01-03"),
        ["make newest"] = s => Replace(s, Brief, "date: 2024-11-22", "date: 2026-11-01"),
        // The tests' clock is in 2025: the 2026 brief, unpublished until then, is dated into the past and published
        // (NewestYearEditTests moves the newest year itself, with a later clock).
        ["publish a future brief by its date"] = s => Replace(s, NewestYearsOnly, "date: 2026-05-19", "date: 2025-05-19"),
        ["tag new entity"] = s => Replace(s, Brief, "topics: [Funding, Compute]", "topics: [Funding, Compute, Chip supply]"),
        ["remove last mention"] = s => Replace(s, "briefs/2024/xai-raises-6-billion.md", "topics: [Funding, Compute]", "topics: [Funding]"),
        ["change slug"] = s => Replace(s, Brief, "slug: amazon-anthropic-4-billion", "slug: amazon-anthropic-8-billion"),
        ["make draft"] = s => Replace(s, Brief, "slug: amazon-anthropic-4-billion", "slug: amazon-anthropic-4-billion\ndraft: true"),
        ["change affiliation"] = s => Replace(s, "_data/people.yml", "  current: [OpenAI]\n  past: []", "  current: [Anthropic]\n  past: [OpenAI]"),
        ["add entity to data"] = s => Replace(s, "_data/topics.yml", "- name: Talent\n", "- name: Chip supply\n  description: Who makes the chips.\n- name: Talent\n"),
        ["change layout"] = s =>
        {
            var layout = File.ReadAllText(Path.Combine(RepoPaths.Theme, "layouts/brief.sbn"));
            s.Write("_theme/layouts/brief.sbn", "<!-- overridden -->\n" + layout);
            return ["_theme/layouts/brief.sbn"];
        },
        ["change stylesheet"] = s =>
        {
            var css = File.ReadAllText(Path.Combine(RepoPaths.Theme, "assets/css/site.css"));
            s.Write("_theme/assets/css/site.css", css + "\n.changed { color: red; }\n");
            return ["_theme/assets/css/site.css"];
        },
        ["change entity data"] = s => Replace(s, "_data/companies.yml",
            "description: AI safety company that builds the Claude models.", "description: Maker of Claude."),
        ["change site settings"] = s =>
        {
            s.Write("_site.yml", s.Read("_site.yml").Replace("title:", "title: Renamed -", StringComparison.Ordinal));
            return ["_site.yml"];
        },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void Incremental_build_after_an_edit_equals_a_clean_build_byte_for_byte(string edit, bool inMemory)
    {
        using var site = new IncrementalSite(inMemory);
        site.BuildOk();

        site.Changed(Cases[edit](site));
        var result = site.BuildOk();

        // The renamed brief keeps its URL (its front matter sets the slug), and an entity no brief names has no page,
        // so no page may change; every other edit shows.
        if (edit is "rename brief file" or "add entity to data") Assert.Equal(0, result.PagesRendered);
        else Assert.True(result.PagesRendered > 0, $"{edit}: expected pages to be rendered again");
        // Edits of briefs and entity data are planned from the last build's snapshot, as preview plans them from memory.
        Assert.Equal(!FullBuildEdits.Contains(edit), result.Planned);
        site.AssertSameAsClean();
    }

    [Theory]
    [MemberData(nameof(LiveEdits))]
    public void Preview_rebuild_from_the_model_in_memory_equals_a_clean_build_byte_for_byte(string edit)
    {
        using var site = new IncrementalSite(inMemory: true, live: true);
        site.BuildOk();

        site.Changed(Cases[edit](site));
        var result = site.BuildOk();

        // Edits of briefs and entity data take the partial path; settings, theme and entity names the full one.
        Assert.Equal(FullBuildEdits.Contains(edit) ? 0 : 1, site.Live!.PartialBuilds);
        site.AssertSameAsClean();
        Assert.True(result.PagesRendered > 0 || edit is "rename brief file" or "add entity to data", $"{edit}: expected pages to be rendered again");
    }

    [Theory]
    [MemberData(nameof(LiveEdits))]
    public void Preview_with_its_unversioned_search_index_equals_a_clean_build_byte_for_byte(string edit)
    {
        // Preview writes only the index files whose bytes change and removes those no longer made (a deleted brief's
        // display file, a value's facet file, shards after the last): what is left must be a clean build's index.
        using var site = new IncrementalSite(inMemory: true, live: true, unversionedIndex: true);
        site.BuildOk();

        site.Changed(Cases[edit](site));
        site.BuildOk();

        Assert.Equal(FullBuildEdits.Contains(edit) ? 0 : 1, site.Live!.PartialBuilds);
        site.AssertSameAsClean();
    }

    [Fact]
    public void Preview_with_its_unversioned_search_index_stays_clean_across_a_run_of_edits()
    {
        using var site = new IncrementalSite(inMemory: true, live: true, unversionedIndex: true);
        site.BuildOk();
        foreach (var edit in (string[])["edit body", "remove last mention", "add brief", "change date", "tag new entity", "edit title", "delete brief", "change layout", "edit summary"])
        {
            var pagesBefore = site.Site.OutputFiles().Count(f => f.EndsWith(".html", StringComparison.Ordinal));
            site.Changed(Cases[edit](site));
            var result = site.BuildOk();
            site.AssertSameAsClean();
            // "N pages rendered, M unchanged": every page there was, whether the count was kept or made.
            if (edit != "change layout") Assert.Equal(pagesBefore, result.PagesRendered + result.PagesReused);
        }
        Assert.Equal(8, site.Live!.PartialBuilds);
    }

    [Fact]
    public void Preview_keeps_rebuilding_from_memory_across_edits_of_several_briefs()
    {
        using var site = new IncrementalSite(inMemory: true, live: true);
        site.BuildOk();

        site.Changed(Replace(site, Brief, "Amazon invests another $4 billion", "Amazon adds $4 billion"));
        site.BuildOk();
        site.Changed(Replace(site, "briefs/2024/xai-raises-6-billion.md", "in Series B round", "in a Series B round"));
        site.BuildOk();
        site.Changed([.. Replace(site, Brief, "Amazon adds", "Amazon commits"), .. Replace(site, "briefs/2024/meta-llama-3.md", "third generation", "3rd generation")]);
        var last = site.BuildOk();

        Assert.Equal(3, site.Live!.PartialBuilds);
        Assert.InRange(last.PagesRendered, 1, 200);
        site.AssertSameAsClean();
    }

    [Fact]
    public void Preview_keeps_removing_the_right_files_across_edits_that_add_and_remove_pages()
    {
        // Each plan starts from the files the last one listed: after an add, a new entity and its removal, a delete and a move
        // in a row, every file the site no longer makes must be gone, as a clean build of each state has it.
        using var site = new IncrementalSite(inMemory: true, live: true);
        site.BuildOk();
        Func<IncrementalSite, string[]>[] sequence =
        [
            Cases["add brief"],
            Cases["tag new entity"],
            // The new entity's pages, made two plans after the full build, go again.
            s => Replace(s, Brief, "topics: [Funding, Compute, Chip supply]", "topics: [Funding, Compute]"),
            Cases["delete brief"],
            Cases["change date"],
        ];
        foreach (var edit in sequence)
        {
            site.Changed(edit(site));
            site.BuildOk();
            site.AssertSameAsClean();
        }
        Assert.Equal(sequence.Length, site.Live!.PartialBuilds);
    }

    [Fact]
    public void Preview_holding_its_folder_keeps_the_output_and_manifest_a_clean_build_s_across_edits_that_add_and_remove_files()
    {
        // One output folder held across every rebuild, with --clean-output, as preview holds its default folder: the
        // owned files change in place commit after commit, and after each the tree must still be a clean build's.
        // Foreign files dropped in meanwhile are left alone by rebuilds from memory (finding them means walking every
        // folder) and go at the next whole build.
        using var site = new IncrementalSite(inMemory: true, live: true, preview: true);
        site.BuildOk();
        var output = site.Site.OutputDirectory;
        var cases = new Dictionary<string, Func<IncrementalSite, string[]>>(Cases)
        {
            // "add brief" links to the brief whose slug changes first here.
            ["add unlinked brief"] = s =>
            {
                s.Write("briefs/2025/unlinked.md", TestSite.Brief("title: \"An unlinked brief\"\ndate: 2025-03-01\ntopics: [Funding, Wafer supply]", "Nothing links here."));
                return ["briefs/2025/unlinked.md"];
            },
        };
        string[] edits = ["change slug", "add unlinked brief", "tag new entity", "change date", "remove last mention", "delete brief", "rename brief file", "edit body"];
        foreach (var edit in edits)
        {
            File.WriteAllText(Path.Combine(output, "stray.txt"), edit);
            File.WriteAllText(Path.Combine(output, "briefs", "stray.txt"), edit);

            site.Changed(cases[edit](site));
            site.BuildOk();

            Assert.Equal(edit, File.ReadAllText(Path.Combine(output, "stray.txt")));
            Assert.Equal(edit, File.ReadAllText(Path.Combine(output, "briefs", "stray.txt")));
            File.Delete(Path.Combine(output, "stray.txt"));
            File.Delete(Path.Combine(output, "briefs", "stray.txt"));
            site.AssertSameAsClean();
            // The cache's records, turned into the new ones in place, name exactly the files the output's manifest lists.
            var records = site.Memory!.Manifest(Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar))!.Files.Keys;
            Assert.Equal(StaticBriefs.Output.OwnedFiles.Read(output)!.Files.Order(StringComparer.Ordinal), records.Order(StringComparer.Ordinal));
        }
        Assert.Equal(edits.Length, site.Live!.PartialBuilds);

        // A whole build (the stylesheet changed) cleans what rebuilds from memory left, but keeps folders starting with '.'.
        File.WriteAllText(Path.Combine(output, "briefs", "stray.txt"), "left");
        Directory.CreateDirectory(Path.Combine(output, ".notes"));
        File.WriteAllText(Path.Combine(output, ".notes", "kept.txt"), "kept");
        site.Changed(Cases["change stylesheet"](site));
        site.BuildOk();
        Assert.Equal(edits.Length, site.Live!.PartialBuilds);
        Assert.False(File.Exists(Path.Combine(output, "briefs", "stray.txt")));
        Assert.Equal("kept", File.ReadAllText(Path.Combine(output, ".notes", "kept.txt")));
        Directory.Delete(Path.Combine(output, ".notes"), recursive: true);
        site.AssertSameAsClean();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Second_build_of_an_unchanged_site_parses_and_renders_nothing(bool inMemory)
    {
        using var site = new IncrementalSite(inMemory);
        var first = site.BuildOk();

        var second = site.BuildOk();

        Assert.True(first.PagesRendered > 50);
        Assert.Equal(0, second.PagesRendered);
        Assert.Equal(first.PagesRendered, second.PagesReused);
        Assert.Equal(0, second.DocumentsParsed);
        Assert.Equal(0, second.BodiesRendered);
        site.AssertSameAsClean();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_cached_build_that_minifies_the_other_way_from_the_last_equals_a_clean_build_of_its_own_kind(bool minifyFirst)
    {
        // Bodies are minified with their pages: one kept from a build that minified is no body for one that does not.
        using var site = TestSite.CopyOf(RepoPaths.SampleInput);
        var cache = Path.Combine(site.Root, "cache");
        var clean = Path.Combine(site.Root, "clean");
        site.BuildOk(o => o with { Minify = minifyFirst, UseCache = true, CacheDirectory = cache });

        site.BuildOk(o => o with { Minify = !minifyFirst, UseCache = true, CacheDirectory = cache });
        site.BuildOk(o => o with { Minify = !minifyFirst, OutputDirectory = clean });

        var files = TestSite.FilesUnder(clean);
        Assert.Equal(files, site.OutputFiles());
        Assert.All(files, file => Assert.True(
            File.ReadAllBytes(Path.Combine(clean, file)).AsSpan().SequenceEqual(File.ReadAllBytes(site.OutputPath(file))), $"{file} differs from a clean build"));
    }

    [Fact]
    public void A_cached_build_whose_search_tokens_are_gone_takes_the_ordinary_path_and_builds_the_same_site()
    {
        using var site = new IncrementalSite(inMemory: true);
        site.BuildOk();
        site.Changed(Cases["edit body"](site));
        var planned = site.BuildOk();
        Assert.True(planned.Planned);

        // The search index is restored beside the planning: finding tokens missing there must still send the build
        // down the ordinary path, with nothing staged from the plan.
        site.Memory!.Tokens.Clear();
        site.Changed(Cases["change date"](site));
        var ordinary = site.BuildOk();

        Assert.False(ordinary.Planned);
        site.AssertSameAsClean();
        Assert.Equal(0, site.BuildOk().PagesRendered);
    }

    [Theory]
    [InlineData("edit body")]
    [InlineData("change date")]
    public void The_records_of_search_files_linked_to_the_last_version_describe_them_as_they_stand(string edit)
    {
        using var site = new IncrementalSite(inMemory: true);
        site.BuildOk();
        var output = Path.GetFullPath(site.Site.OutputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var before = site.Memory!.Manifest(output)!.Files.Where(f => f.Key.StartsWith("search/", StringComparison.Ordinal))
            .ToDictionary(f => InVersion(f.Key), f => f.Value.Key, StringComparer.Ordinal);

        site.Changed(Cases[edit](site));
        site.BuildOk();

        // The commit takes a linked file's record from the file it links to (no look-up): it must be the file's own.
        var records = site.Memory!.Manifest(output)!.Files;
        var versioned = records.Where(f => f.Key.StartsWith("search/", StringComparison.Ordinal) && f.Key.Count(c => c == '/') > 1).ToList();
        var unchanged = versioned.Count(f => before.TryGetValue(InVersion(f.Key), out var key) && key == f.Value.Key);
        // Those are linked to the last version's files (a date edit moves most briefs' ids, so fewer keep their bytes).
        Assert.True(unchanged >= 10, $"{unchanged} of {versioned.Count} search files kept their bytes");
        Assert.All(records.Where(f => f.Value.Key.Length > 0), f => Assert.Equal(OutputRecord.Of(f.Value.Key, Path.Combine(output, f.Key)), f.Value));
        var again = site.BuildOk();
        Assert.Equal(0, again.PagesRendered);
        site.AssertSameAsClean();

        // "search/<version>/docs/3.json" -> "docs/3.json": the same file in the last version and in this one.
        static string InVersion(string file) => file[(file.IndexOf('/', "search/".Length) + 1)..];
    }

    [Fact]
    public void Editing_one_layout_re_renders_only_the_pages_that_use_it()
    {
        using var site = new IncrementalSite(inMemory: false);
        var first = site.BuildOk();

        site.Changed(Cases["change layout"](site));
        var second = site.BuildOk();

        Assert.Equal(first.Briefs, second.PagesRendered);
        site.AssertSameAsClean();
    }

    [Fact]
    public void Editing_one_body_re_renders_that_body_and_its_page_only()
    {
        using var site = new IncrementalSite(inMemory: true);
        site.BuildOk();

        site.Changed(Cases["edit body"](site));
        var second = site.BuildOk();

        Assert.Equal(1, second.DocumentsParsed);
        Assert.Equal(1, second.BodiesRendered);
        Assert.Equal(1, second.PagesRendered);
    }

    [Fact]
    public void A_new_entity_re_renders_only_the_bodies_that_contain_its_name()
    {
        using var site = new IncrementalSite(inMemory: true);
        site.BuildOk();

        // "Trainium" is in the Amazon brief's text but names no entity yet; tagging another brief makes it one,
        // so the Amazon body must now link it, while bodies without the word (the edited brief's own body among
        // them: only its front matter changed) keep their rendering.
        site.Changed(Replace(site, "briefs/2024/xai-raises-6-billion.md", "topics: [Funding, Compute]", "topics: [Funding, Compute, Trainium]"));
        var second = site.BuildOk();

        Assert.Equal(1, second.BodiesRendered);
        Assert.Contains("href=\"/topics/trainium/\"", site.Site.ReadOutput("briefs/amazon-anthropic-4-billion/index.html"), StringComparison.Ordinal);
        site.AssertSameAsClean();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Failed_incremental_build_leaves_the_output_untouched_and_the_fix_builds_clean(bool inMemory)
    {
        using var site = new IncrementalSite(inMemory);
        site.BuildOk();
        var before = site.Site.OutputHash();

        site.Write("briefs/2024/broken.md", TestSite.Brief("title: \"Broken\"\ndate: 2024-02-02", "See [gone](/briefs/no-such-brief/)."));
        site.Changed("briefs/2024/broken.md");
        var failed = site.Build();

        Assert.True(failed.HasErrors);
        Assert.False(failed.Written);
        Assert.Equal(before, site.Site.OutputHash());

        site.Write("briefs/2024/broken.md", TestSite.Brief("title: \"Fixed\"\ndate: 2024-02-02", "See [Amazon](/briefs/amazon-anthropic-4-billion/)."));
        site.Changed("briefs/2024/broken.md");
        site.BuildOk();
        site.AssertSameAsClean();
    }

    [Fact]
    public void A_content_edit_that_fails_in_preview_leaves_the_output_and_the_next_edits_build_clean()
    {
        using var site = new IncrementalSite(inMemory: true, live: true);
        site.BuildOk();
        var before = site.Site.OutputHash();

        // A broken link in the body: the brief keeps its place, so the partial path runs and must fail cleanly.
        site.Changed(Replace(site, Brief, "Amazon remains a minority shareholder.", "Amazon remains a [minority](/briefs/no-such-brief/) shareholder."));
        var failed = site.Build();

        Assert.True(failed.HasErrors);
        Assert.False(failed.Written);
        Assert.Equal(before, site.Site.OutputHash());

        // Another brief is edited before the broken one is fixed: the failed edit must still show up in the end.
        site.Changed(Replace(site, "briefs/2024/meta-llama-3.md", "third generation", "3rd generation"));
        Assert.True(site.Build().HasErrors);
        site.Changed(Replace(site, Brief, "[minority](/briefs/no-such-brief/)", "[minority](/briefs/meta-llama-3/)"));
        site.BuildOk();
        site.AssertSameAsClean();
        Assert.Contains("href=\"/briefs/meta-llama-3/\"", site.Site.ReadOutput("briefs/amazon-anthropic-4-billion/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Files_added_to_the_output_by_hand_are_kept_and_hand_edited_pages_rebuilt()
    {
        using var site = new IncrementalSite(inMemory: false);
        site.BuildOk();
        File.WriteAllText(site.Site.OutputPath("stray.txt"), "not built");
        File.AppendAllText(site.Site.OutputPath("briefs/amazon-anthropic-4-billion/index.html"), "<!-- edited -->");

        var result = site.BuildOk();

        Assert.Equal(1, result.PagesRendered);
        // Not StaticBriefs' file (README "Output folder"): kept as it is; everything else is what a clean build makes.
        Assert.Equal("not built", site.Site.ReadOutput("stray.txt"));
        File.Delete(site.Site.OutputPath("stray.txt"));
        site.AssertSameAsClean();
    }

    private static string[] Replace(IncrementalSite site, string path, string from, string to)
    {
        var text = site.Read(path);
        Assert.Contains(from, text);
        site.Write(path, text.Replace(from, to, StringComparison.Ordinal));
        return [path];
    }
}
