using StaticBriefs.Tests.Output;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Incremental;

/// <summary>
/// A cached build plans from the last build's snapshot (<c>state-*.bin</c> in the cache folder) only when it stands
/// for the output folder as it is; anything else takes the ordinary cached path, and either way the output is a
/// clean build's.
/// </summary>
public sealed class CachedRebuildTests
{
    private const string Brief = "briefs/2024/amazon-anthropic-4-billion.md";

    [Fact]
    public void A_cached_build_keeps_a_snapshot_and_the_next_edit_is_planned_from_it()
    {
        using var site = new IncrementalSite(inMemory: false);
        var first = site.BuildOk();
        Assert.False(first.Planned);
        Assert.Single(Snapshots(site));

        EditBody(site, "first");
        var second = site.BuildOk();
        EditBody(site, "second");
        var third = site.BuildOk();

        // A planned build leaves a snapshot for the next one, so edit after edit is planned.
        Assert.True(second.Planned);
        Assert.True(third.Planned);
        Assert.Equal(1, third.PagesRendered);
        site.AssertSameAsClean();
    }

    [Fact]
    public void A_planned_build_reports_what_a_full_build_reports()
    {
        // The last build's diagnostics, less those of the edited file and of the old model, plus the edit's own: a
        // new warning (an entity the data files lack) and the ones every build repeats.
        using var site = new IncrementalSite(inMemory: false);
        site.BuildOk();
        site.Write(Brief, site.Read(Brief).Replace("topics: [Funding, Compute]", "topics: [Funding, Compute, Chip supply]", StringComparison.Ordinal));

        var planned = site.BuildOk();
        var full = StaticBriefs.Building.SiteBuild.Run(site.Site.Options with
        {
            Minify = true,
            OutputDirectory = site.CleanDirectory,
            UseCache = true,
            CacheDirectory = Path.Combine(site.Site.Root, "other-cache"),
        });

        Assert.True(planned.Planned);
        Assert.Contains(planned.Diagnostics, d => d.Message.Contains("Chip supply", StringComparison.Ordinal));
        Assert.Equal(full.Diagnostics.Select(d => d.ToString()), planned.Diagnostics.Select(d => d.ToString()));
        // The summary line too: the site's files, pages and entities, not only what this build touched.
        Assert.Equal(full.Files, planned.Files);
        Assert.Equal(full.Pages, planned.Pages);
        Assert.Equal(full.PagesRendered, planned.PagesRendered + planned.PagesReused);
        Assert.Equal(full.Entities, planned.Entities);
    }

    [Fact]
    public void A_damaged_snapshot_costs_a_full_cached_build_and_the_output_is_a_clean_build_s()
    {
        using var site = new IncrementalSite(inMemory: false);
        site.BuildOk();
        var snapshot = Assert.Single(Snapshots(site));
        var bytes = File.ReadAllBytes(snapshot);
        bytes[bytes.Length / 2] ^= 0x5a;
        File.WriteAllBytes(snapshot, bytes);

        EditBody(site, "damaged");
        var result = site.BuildOk();

        Assert.False(result.Planned);
        site.AssertSameAsClean();
        // The full build wrote a good snapshot again.
        EditBody(site, "after");
        Assert.True(site.BuildOk().Planned);
        site.AssertSameAsClean();
    }

    [Fact]
    public void A_missing_snapshot_costs_a_full_cached_build_and_the_output_is_a_clean_build_s()
    {
        using var site = new IncrementalSite(inMemory: false);
        site.BuildOk();
        File.Delete(Assert.Single(Snapshots(site)));

        EditBody(site, "missing");
        var result = site.BuildOk();

        Assert.False(result.Planned);
        site.AssertSameAsClean();
    }

    [Fact]
    public void A_snapshot_of_another_output_state_is_not_used()
    {
        // A snapshot is bound to the manifest it was made with: one left from an earlier build must not stand for
        // the output a later build made.
        using var site = new IncrementalSite(inMemory: false);
        site.BuildOk();
        var snapshot = Assert.Single(Snapshots(site));
        var old = File.ReadAllBytes(snapshot);
        EditBody(site, "later");
        Assert.True(site.BuildOk().Planned);
        File.WriteAllBytes(snapshot, old);

        EditBody(site, "again");
        var result = site.BuildOk();

        Assert.False(result.Planned);
        site.AssertSameAsClean();
    }

    [Fact]
    public void A_page_edited_by_hand_makes_the_build_full_and_the_page_is_rebuilt()
    {
        using var site = new IncrementalSite(inMemory: false);
        site.BuildOk();
        File.AppendAllText(site.Site.OutputPath("briefs/meta-llama-3/index.html"), "<!-- edited -->");

        EditBody(site, "hand");
        var result = site.BuildOk();

        Assert.False(result.Planned);
        site.AssertSameAsClean();
    }

    [Fact]
    public void A_search_index_file_edited_by_hand_makes_the_build_full_and_is_not_linked_into_the_next_version()
    {
        // A planned build links the unchanged files of a versioned index to the last version's without looking at them
        // again (PageMemoSink.PreviousChecked): that holds only because the check of the whole output comes first.
        using var site = new IncrementalSite(inMemory: false);
        site.BuildOk();
        var docs = Directory.EnumerateFiles(site.Site.OutputPath("search"), "*.json", SearchOption.AllDirectories)
            .First(f => f.Contains($"{Path.DirectorySeparatorChar}docs{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        File.AppendAllText(docs, " ");

        EditBody(site, "index by hand");
        var result = site.BuildOk();

        Assert.False(result.Planned);
        site.AssertSameAsClean();
    }

    [Fact]
    public void A_brief_folder_moved_out_and_linked_back_makes_the_build_full_and_what_it_points_to_is_left_alone()
    {
        // The files behind the link stand as the manifest recorded them (a move keeps size and time): only the check
        // that every folder on the way is a real one (OutputFolder.IsLinkFree, noted from its parent's listing) tells.
        using var site = new IncrementalSite(inMemory: false);
        site.BuildOk();
        var folder = site.Site.OutputPath("briefs/meta-llama-3");
        var moved = Path.Combine(site.Site.Root, "moved-out");
        Directory.Move(folder, moved);
        Directory.CreateSymbolicLink(folder, moved);
        var before = OutputTestSupport.TreeHash(moved);

        EditBody(site, "linked");
        var result = site.BuildOk();

        Assert.False(result.Planned);
        Assert.Equal(before, OutputTestSupport.TreeHash(moved));
        Assert.Null(new DirectoryInfo(folder).LinkTarget);
        site.AssertSameAsClean();
    }

    [Fact]
    public void A_page_deleted_by_hand_makes_the_build_full_and_the_page_comes_back()
    {
        using var site = new IncrementalSite(inMemory: false);
        site.BuildOk();
        File.Delete(site.Site.OutputPath("briefs/meta-llama-3/index.html"));

        EditBody(site, "deleted");
        var result = site.BuildOk();

        Assert.False(result.Planned);
        site.AssertSameAsClean();
    }

    [Fact]
    public void Copied_files_edited_by_hand_are_copied_again_by_a_planned_build()
    {
        // Assets and static files have no fingerprint in the manifest: a planned build copies them again, as a full
        // build does, so a hand edit of one never survives.
        using var site = new IncrementalSite(inMemory: false);
        site.BuildOk();
        var asset = Directory.EnumerateFiles(site.Site.OutputPath("assets"), "*.css", SearchOption.AllDirectories).First();
        File.AppendAllText(asset, "/* edited */");

        EditBody(site, "assets");
        var result = site.BuildOk();

        Assert.True(result.Planned);
        site.AssertSameAsClean();
    }

    [Fact]
    public void A_theme_edit_makes_the_build_full_and_the_next_edit_is_planned_again()
    {
        using var site = new IncrementalSite(inMemory: false);
        site.BuildOk();
        var layout = File.ReadAllText(Path.Combine(RepoPaths.Theme, "layouts/term.sbn"));
        site.Write("_theme/layouts/term.sbn", "<!-- overridden -->\n" + layout);

        var themed = site.BuildOk();
        EditBody(site, "after theme");
        var next = site.BuildOk();

        Assert.False(themed.Planned);
        Assert.True(next.Planned);
        site.AssertSameAsClean();
    }

    [Fact]
    public void An_unchanged_site_is_planned_and_renders_nothing()
    {
        using var site = new IncrementalSite(inMemory: false);
        site.BuildOk();

        var result = site.BuildOk();

        Assert.True(result.Planned);
        Assert.Equal(0, result.PagesRendered);
        site.AssertSameAsClean();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_unchanged_site_keeps_its_search_index_as_it_stands_without_making_it_again(bool unversionedIndex)
    {
        // Nothing the index is made from changed: its files stay, the versioned folder and the flat one alike (a flat
        // index's shards are otherwise written out whole and those not made again are removed).
        using var site = new IncrementalSite(inMemory: false, unversionedIndex: unversionedIndex);
        site.BuildOk();

        var unchanged = site.BuildOk();

        Assert.True(unchanged.Planned);
        Assert.DoesNotContain(unchanged.Stages, stage => stage.Name == "search index");
        site.AssertSameAsClean();
        EditBody(site, "indexed");
        var edited = site.BuildOk();
        Assert.True(edited.Planned);
        Assert.Contains(edited.Stages, stage => stage.Name == "search index");
        site.AssertSameAsClean();
    }

    [Fact]
    public void A_planned_build_moves_the_last_search_version_s_folder_to_the_new_name_and_replaces_only_the_changed_files()
    {
        using var site = new IncrementalSite(inMemory: false);
        site.BuildOk();
        var before = Assert.Single(Directory.GetDirectories(site.Site.OutputPath("search")));
        var folderBefore = Inodes.Of(before);
        var inodes = Inodes.Below(before);

        EditBody(site, "moved");
        var edited = site.BuildOk();

        Assert.True(edited.Planned);
        var after = Assert.Single(Directory.GetDirectories(site.Site.OutputPath("search")));
        Assert.NotEqual(before, after);
        // The same folder under the new name (a new one would have a new inode), holding the same files where their
        // bytes did not change and new ones where they did (the edited brief's display data, the postings).
        Assert.Equal(folderBefore, Inodes.Of(after));
        var now = Inodes.Below(after);
        var same = now.Count(p => inodes.TryGetValue(p.Key, out var inode) && inode == p.Value);
        Assert.InRange(same, 1, now.Count - 1);
        Assert.Contains(now, p => p.Key.StartsWith("docs/", StringComparison.Ordinal) && inodes.GetValueOrDefault(p.Key) == p.Value);
        site.AssertSameAsClean();
    }

    [Fact]
    public void An_edit_that_changes_most_of_the_search_index_writes_a_new_version_folder_rather_than_move_the_last_one()
    {
        // The oldest brief becomes the newest: every brief's place (its id) shifts, so nearly every file of the index
        // changes, and moving them one by one into the last version's folder would cost more than linking the few left.
        using var site = new IncrementalSite(inMemory: false);
        site.BuildOk();
        var before = Assert.Single(Directory.GetDirectories(site.Site.OutputPath("search")));
        var folderBefore = Inodes.Of(before);
        const string oldest = "briefs/2024/anthropic-claude-3-family.md";
        site.Write(oldest, site.Read(oldest).Replace("date: 2024-03-04", "date: 2025-05-30", StringComparison.Ordinal));
        site.Changed(oldest);

        var edited = site.BuildOk();

        Assert.True(edited.Planned);
        var after = Assert.Single(Directory.GetDirectories(site.Site.OutputPath("search")));
        Assert.NotEqual(before, after);
        Assert.NotEqual(folderBefore, Inodes.Of(after));
        site.AssertSameAsClean();
    }

    [Fact]
    public void A_search_version_folder_holding_a_file_of_someone_else_stays_with_it_and_the_new_version_links_its_files()
    {
        // What nobody asked StaticBriefs to move stays where it was put: the folder is not renamed, its files are
        // linked into the new version's folder as before, and the old version's own files go around the stranger.
        using var site = new IncrementalSite(inMemory: false);
        site.BuildOk();
        var before = Assert.Single(Directory.GetDirectories(site.Site.OutputPath("search")));
        var inodes = Inodes.Below(before);
        File.WriteAllText(Path.Combine(before, "notes.txt"), "mine");

        EditBody(site, "linked");
        var edited = site.BuildOk();

        Assert.True(edited.Planned);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(before, "notes.txt")));
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(before).Select(Path.GetFileName));
        var after = Assert.Single(Directory.GetDirectories(site.Site.OutputPath("search")), d => d != before);
        var now = Inodes.Below(after);
        Assert.Contains(now, p => p.Key.StartsWith("docs/", StringComparison.Ordinal) && inodes.GetValueOrDefault(p.Key) == p.Value);
        File.Delete(Path.Combine(before, "notes.txt"));
        Directory.Delete(before);
        site.AssertSameAsClean();
    }

    [Fact]
    public void A_brief_whose_date_came_since_the_last_build_makes_the_build_full()
    {
        // No file changed, yet the clock moved past a scheduled brief: the previous model rebuilt with today's clock
        // no longer is the last build's, so the snapshot cannot stand for the output.
        using var site = new IncrementalSite(inMemory: false);
        site.Write("briefs/2025/scheduled.md", TestSite.Brief("title: \"Scheduled\"\ndate: 2025-07-01\ntopics: [Funding]", "Out in July."));
        site.BuildOk();
        var later = TestSite.Now.AddDays(60);

        var result = StaticBriefs.Building.SiteBuild.Run(site.Options with { Now = later });
        var clean = StaticBriefs.Building.SiteBuild.Run(site.Site.Options with { Minify = true, OutputDirectory = site.CleanDirectory, Now = later });

        Assert.False(result.HasErrors);
        Assert.False(clean.HasErrors);
        Assert.False(result.Planned);
        var expected = TestSite.FilesUnder(site.CleanDirectory);
        Assert.Contains(expected, f => f.Contains("scheduled", StringComparison.Ordinal));
        Assert.Equal(expected, site.Site.OutputFiles());
        foreach (var file in expected)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(site.CleanDirectory, file)).AsSpan()
                .SequenceEqual(File.ReadAllBytes(site.Site.OutputPath(file))), $"{file} differs from a clean build");
        }
    }

    [Fact]
    public void A_planned_build_renders_again_the_bodies_whose_kept_record_is_damaged()
    {
        // A planned build reads a kept body only when a page or feed it rewrites asks for it: a damaged record found then
        // is rendered again from its source, as if it had never been kept.
        using var site = new IncrementalSite(inMemory: false);
        site.BuildOk();
        Assert.True(DamageBodies(site) > 1);

        EditBody(site, "damaged bodies");
        var result = site.BuildOk();

        Assert.True(result.Planned);
        // The edited body, and the others its entities' feeds show, whose records no longer read.
        Assert.True(result.BodiesRendered > 1, $"{result.BodiesRendered} bodies rendered");
        site.AssertSameAsClean();
        EditBody(site, "after");
        Assert.True(site.BuildOk().Planned);
        site.AssertSameAsClean();
    }

    [Fact]
    public void Bodies_a_planned_build_did_not_read_are_kept_for_the_next_full_build()
    {
        // The bodies nothing asked for stay in the cache unread, through the save, and a full build reuses them.
        using var site = new IncrementalSite(inMemory: false);
        var first = site.BuildOk();
        EditBody(site, "planned");
        Assert.True(site.BuildOk().Planned);
        File.Delete(Assert.Single(Snapshots(site)));

        EditBody(site, "full");
        var full = site.BuildOk();

        Assert.False(full.Planned);
        Assert.Equal(1, full.BodiesRendered);
        Assert.Equal(first.BodiesRendered - 1, full.BodiesReused);
        site.AssertSameAsClean();
    }

    [Fact]
    public void A_planned_build_after_a_body_edit_reads_no_other_document_s_body_from_the_cache()
    {
        // Feeds rewritten for the edit carry other briefs' bodies: their renderings are found by the bodies' hashes,
        // kept with the documents, so the markdown itself stays in the pack.
        using var site = new IncrementalSite(inMemory: false);
        site.BuildOk();
        EditBody(site, "first");
        var cache = new StaticBriefs.Incremental.BuildCache(site.CacheDirectory);

        var result = StaticBriefs.Building.SiteBuild.Run(site.Options with { Cache = cache });

        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics));
        Assert.True(result.Planned);
        Assert.True(cache.Documents.Count > 5);
        var read = cache.Documents.Where(p => p.Value.Document.BodySource.IsRead).Select(p => p.Key).ToList();
        Assert.Equal([Brief], read);
        site.AssertSameAsClean();
    }

    [Fact]
    public void A_planned_build_after_a_new_entity_checks_other_bodies_without_decoding_them()
    {
        // A new name can change how every other body links: each one's look-ups and text are asked, from the record's
        // bytes. Only the bodies rendered again or shown by a rewritten feed are decoded.
        using var site = new IncrementalSite(inMemory: false);
        const string Mentions = "briefs/2024/xai-raises-6-billion.md";
        site.Write(Mentions, site.Read(Mentions) + "\nChip supply decides who trains next.\n");
        // More briefs than a feed shows, newer than the edited one: most bodies are in no feed the edit rewrites.
        for (var day = 1; day <= 24; day++)
            site.Write($"briefs/2025/later-{day}.md", TestSite.Brief($"title: \"Later {day}\"\ndate: 2025-03-{day:00}\ntopics: [Talent]", $"Hiring note {day}."));
        site.BuildOk();
        site.Write(Brief, site.Read(Brief).Replace("topics: [Funding, Compute]", "topics: [Funding, Compute, Chip supply]", StringComparison.Ordinal));
        site.Changed(Brief);
        var cache = new StaticBriefs.Incremental.BuildCache(site.CacheDirectory);

        var result = StaticBriefs.Building.SiteBuild.Run(site.Options with { Cache = cache });

        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics));
        Assert.True(result.Planned);
        // The body that names the new entity was rendered again, with its link; most stayed in the pack.
        Assert.Equal(1, result.BodiesRendered);
        Assert.Contains("<a href=\"/topics/chip-supply/\" class=\"entity-link\">Chip supply</a> decides",
            site.Site.ReadOutput("briefs/xai-raises-6-billion/index.html"), StringComparison.Ordinal);
        var bodies = cache.Markdown.Count + cache.UnreadMarkdown.Count;
        Assert.True(cache.UnreadMarkdown.Count > bodies / 2, $"{cache.Markdown.Count} of {bodies} bodies decoded");
        site.AssertSameAsClean();
    }

    [Fact]
    public void A_planned_build_drops_the_edited_brief_s_old_tokens_and_keeps_those_an_unchanged_twin_still_uses()
    {
        using var site = new IncrementalSite(inMemory: false);
        // A twin of the brief under another file name: the same text, so the same tokens in the cache.
        const string Twin = "briefs/2024/amazon-anthropic-4-billion-twin.md";
        site.Write(Twin, System.Text.RegularExpressions.Regex.Replace(site.Read(Brief), "^slug: .*$", "slug: the-twin", System.Text.RegularExpressions.RegexOptions.Multiline));
        site.BuildOk();
        var before = TokenCount(site);

        EditBody(site, "first");
        Assert.True(site.BuildOk().Planned);
        // The edited brief's new tokens came; its old ones stay for the twin.
        Assert.Equal(before + 1, TokenCount(site));

        EditBody(site, "second");
        Assert.True(site.BuildOk().Planned);
        // The first edit's tokens were the edited brief's alone: gone, the second edit's in their place.
        Assert.Equal(before + 1, TokenCount(site));
        site.AssertSameAsClean();
    }

    private static int TokenCount(IncrementalSite site)
    {
        var cache = new StaticBriefs.Incremental.BuildCache(site.CacheDirectory);
        cache.EnsureLoaded();
        return cache.Tokens.Count;
    }

    private static void EditBody(IncrementalSite site, string marker)
    {
        site.Write(Brief, site.Read(Brief) + $"\nOne more line ({marker}).\n");
        site.Changed(Brief);
    }

    /// <summary>Flips a byte in the middle of every rendered body the cache keeps; returns how many.</summary>
    private static int DamageBodies(IncrementalSite site)
    {
        var cache = new StaticBriefs.Incremental.BuildCache(site.CacheDirectory);
        cache.EnsureLoaded();
        var pack = cache.Pack!;
        var spans = cache.UnreadMarkdown.Values.Select(body => pack.SpanOf(body)!.Value).ToList();
        var path = pack.Path;
        pack.Dispose();
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        foreach (var span in spans)
        {
            // Inside the HTML or its text: still valid UTF-8, so only the checksum tells.
            file.Position = span.Offset + (span.Length / 2);
            var value = file.ReadByte();
            file.Position--;
            file.WriteByte((byte)(value ^ 0x01));
        }
        return spans.Count;
    }

    private static string[] Snapshots(IncrementalSite site) =>
        Directory.Exists(site.CacheDirectory) ? Directory.GetFiles(site.CacheDirectory, "state-*.bin") : [];
}
