using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Incremental;

/// <summary>
/// The on-disk cache (<c>sources.bin</c> naming an append-only pack of entries): what a build rewrites, how it is
/// compacted, and that a damaged, truncated, old or foreign cache only costs work, never a different output.
/// </summary>
public sealed class CacheStoreTests
{
    private const string Brief = "briefs/2024/amazon-anthropic-4-billion.md";

    [Fact]
    public void A_build_after_one_edit_appends_to_the_pack_and_leaves_its_earlier_bytes_alone()
    {
        using var site = new IncrementalSite(inMemory: false);
        site.BuildOk();
        var pack = Pack(site);
        var before = File.ReadAllBytes(pack);

        EditBody(site, "Amazon remains a minority shareholder.", "Amazon is still a minority shareholder.");
        var result = site.BuildOk();

        Assert.Equal(1, result.DocumentsParsed);
        Assert.Equal(1, result.BodiesRendered);
        Assert.Equal(pack, Pack(site));
        var after = File.ReadAllBytes(pack);
        Assert.True(after.Length > before.Length, "the edited document and body should be appended");
        Assert.True(after.AsSpan(0, before.Length).SequenceEqual(before), "entries already stored must not be rewritten");
        site.AssertSameAsClean();
    }

    [Fact]
    public void Loading_the_cache_for_an_output_folder_reads_that_folder_s_manifest_and_snapshot_beside_it()
    {
        using var site = new IncrementalSite(inMemory: false);
        site.BuildOk();
        var output = Path.GetFullPath(site.Options.OutputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var cache = new StaticBriefs.Incremental.BuildCache(site.CacheDirectory);

        cache.EnsureLoaded(output);
        // Gone from disk now: what the load read stands, the documents with them.
        var records = Directory.GetFiles(site.CacheDirectory, "state-*.bin").Concat(Directory.GetFiles(site.CacheDirectory, "output-*.bin")).ToList();
        Assert.Equal(2, records.Count);
        records.ForEach(File.Delete);

        Assert.NotNull(cache.Manifest(output));
        Assert.NotNull(cache.Snapshot(output));
        Assert.NotEmpty(cache.Documents);
    }

    [Fact]
    public void A_build_with_nothing_changed_leaves_the_pack_as_it_was()
    {
        using var site = new IncrementalSite(inMemory: false);
        site.BuildOk();
        var pack = Pack(site);
        var before = File.ReadAllBytes(pack);

        var result = site.BuildOk();

        Assert.Equal(0, result.DocumentsParsed);
        Assert.Equal(0, result.BodiesRendered);
        Assert.Equal(before, File.ReadAllBytes(Pack(site)));
    }

    [Fact]
    public void A_pack_mostly_of_entries_no_longer_used_is_compacted_into_a_new_one()
    {
        using var site = new IncrementalSite(inMemory: false);
        site.BuildOk();
        var first = Pack(site);
        var firstLength = new FileInfo(first).Length;

        // Every brief's body changes: the old entries are all garbage after this build.
        foreach (var file in Directory.EnumerateFiles(Path.Combine(site.Site.InputDirectory, "briefs"), "*.md", SearchOption.AllDirectories))
            File.AppendAllText(file, "\nOne more line.\n");
        site.BuildOk();

        var second = Pack(site);
        Assert.NotEqual(first, second);
        Assert.False(File.Exists(first), "the old pack should be removed once the index names the new one");
        Assert.True(new FileInfo(second).Length < 2 * firstLength, "the new pack should hold only the entries in use");
        var again = site.BuildOk();
        Assert.Equal(0, again.DocumentsParsed);
        Assert.Equal(0, again.BodiesRendered);
        site.AssertSameAsClean();
    }

    [Fact]
    public void A_damaged_entry_is_rendered_again_and_the_build_equals_a_clean_one()
    {
        using var site = new IncrementalSite(inMemory: false);
        site.BuildOk();
        var pack = Pack(site);
        var bytes = File.ReadAllBytes(pack);
        // Flip bytes across the whole file: every entry they land in fails its checksum.
        for (var i = bytes.Length / 7; i < bytes.Length; i += bytes.Length / 7) bytes[i] ^= 0x5A;
        File.WriteAllBytes(pack, bytes);

        var result = site.BuildOk();

        Assert.True(result.DocumentsParsed + result.BodiesRendered > 0, "damaged entries should be made again");
        site.AssertSameAsClean();
        var again = site.BuildOk();
        Assert.Equal(0, again.DocumentsParsed + again.BodiesRendered);
    }

    [Theory]
    [InlineData("truncated index")]
    [InlineData("garbage index")]
    [InlineData("empty index")]
    [InlineData("missing pack")]
    [InlineData("truncated pack")]
    [InlineData("old json cache only")]
    public void An_unreadable_cache_is_ignored_and_the_build_equals_a_clean_one(string damage)
    {
        using var site = new IncrementalSite(inMemory: false);
        var documents = site.BuildOk().DocumentsParsed;
        var index = Path.Combine(site.CacheDirectory, "sources.bin");
        switch (damage)
        {
            case "truncated index":
                File.WriteAllBytes(index, File.ReadAllBytes(index)[..^9]);
                break;
            case "garbage index":
                File.WriteAllBytes(index, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 31))]);
                break;
            case "empty index":
                File.WriteAllBytes(index, []);
                break;
            case "missing pack":
                File.Delete(Pack(site));
                break;
            case "truncated pack":
                File.WriteAllBytes(Pack(site), File.ReadAllBytes(Pack(site))[..100]);
                break;
            case "old json cache only":
                foreach (var file in Directory.EnumerateFiles(site.CacheDirectory)) File.Delete(file);
                File.WriteAllText(Path.Combine(site.CacheDirectory, "sources.json"), """{"Generator":"old","Documents":{},"Markdown":{}}""");
                break;
        }

        var result = site.BuildOk();

        Assert.True(result.DocumentsParsed > 0, "documents should be read again");
        if (damage != "truncated pack") Assert.True(result.DocumentsParsed >= documents, "an unreadable index should be ignored as a whole");
        site.AssertSameAsClean();
        Assert.False(File.Exists(Path.Combine(site.CacheDirectory, "sources.json")), "the old JSON cache should be removed");
        Assert.Equal(0, site.BuildOk().DocumentsParsed);
    }

    [Fact]
    public void An_index_written_by_another_version_is_ignored()
    {
        using var site = new IncrementalSite(inMemory: false);
        site.BuildOk();
        var index = Path.Combine(site.CacheDirectory, "sources.bin");
        var bytes = File.ReadAllBytes(index);
        // The format version follows the 8-byte magic.
        bytes[8]++;
        File.WriteAllBytes(index, bytes);

        var result = site.BuildOk();

        Assert.True(result.DocumentsParsed > 0);
        Assert.Equal(0, result.DocumentsReused);
        site.AssertSameAsClean();
    }

    [Fact]
    public void Bytes_a_killed_build_appended_without_an_index_are_ignored()
    {
        using var site = new IncrementalSite(inMemory: false);
        site.BuildOk();
        using (var stream = new FileStream(Pack(site), FileMode.Append)) stream.Write(new byte[5000].Select((_, i) => (byte)i).ToArray());

        EditBody(site, "Amazon remains a minority shareholder.", "Amazon is still a minority shareholder.");
        var edited = site.BuildOk();
        var again = site.BuildOk();

        Assert.Equal(1, edited.BodiesRendered);
        Assert.Equal(0, again.BodiesRendered + again.DocumentsParsed);
        site.AssertSameAsClean();
    }

    [Fact]
    public void A_new_entity_renders_again_only_the_bodies_that_name_it_across_separate_builds()
    {
        using var site = new IncrementalSite(inMemory: false);
        var first = site.BuildOk();

        // The spellings bodies were auto-linked with are kept in the cache, so a body without the new name stays valid.
        var path = Path.Combine(site.Site.InputDirectory, Brief);
        File.WriteAllText(path, File.ReadAllText(path).Replace("topics: [Funding, Compute]", "topics: [Funding, Compute, Chip supply]", StringComparison.Ordinal));
        var result = site.BuildOk();

        Assert.True(result.BodiesRendered < first.BodiesRendered / 2, $"{result.BodiesRendered} of {first.BodiesRendered} bodies rendered again");
        site.AssertSameAsClean();
    }

    [Fact]
    public void Files_the_tool_did_not_make_in_the_cache_folder_are_left_alone()
    {
        using var site = new IncrementalSite(inMemory: false);
        Directory.CreateDirectory(site.CacheDirectory);
        string[] foreign = ["output-notes.json", "bodies-mine.pack", "sources.json.bak", "notes.txt"];
        foreach (var name in foreign) File.WriteAllText(Path.Combine(site.CacheDirectory, name), "mine");

        site.BuildOk();
        EditBody(site, "Amazon remains a minority shareholder.", "Amazon is still a minority shareholder.");
        site.BuildOk();

        foreach (var name in foreign) Assert.Equal("mine", File.ReadAllText(Path.Combine(site.CacheDirectory, name)));
    }

    [Fact]
    public void An_index_naming_a_file_the_tool_did_not_make_is_ignored_and_the_file_left_alone()
    {
        using var site = new IncrementalSite(inMemory: false);
        site.BuildOk();
        var index = Path.Combine(site.CacheDirectory, "sources.bin");
        var pack = Path.GetFileName(Pack(site));
        // A file of someone else's with a name of the pack's length (not one this tool makes) and the pack's very bytes.
        const string Foreign = "bodies-ZZZZZZZZZZZZ.pack";
        File.Copy(Pack(site), Path.Combine(site.CacheDirectory, Foreign));
        var before = File.ReadAllBytes(Path.Combine(site.CacheDirectory, Foreign));
        var bytes = File.ReadAllBytes(index);
        var at = bytes.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(pack));
        Assert.True(at > 0);
        System.Text.Encoding.ASCII.GetBytes(Foreign).CopyTo(bytes, at);
        File.WriteAllBytes(index, bytes);

        EditBody(site, "Amazon remains a minority shareholder.", "Amazon is still a minority shareholder.");
        var result = site.BuildOk();

        Assert.True(result.DocumentsParsed > 1, "an index naming another file should be ignored as a whole");
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(site.CacheDirectory, Foreign)));
        site.AssertSameAsClean();
    }

    [Fact]
    public void A_pack_compacted_with_bodies_never_read_keeps_them_whole()
    {
        // Bodies are read from the pack when first asked for: one a process never read is copied as it is when the pack
        // is rewritten, and reads back the same from the new pack.
        using var site = new IncrementalSite(inMemory: false);
        site.BuildOk();
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = new StaticBriefs.Incremental.BuildCache(site.CacheDirectory);
        reader.EnsureLoaded();
        foreach (var key in reader.UnreadMarkdown.Keys.ToList())
        {
            Assert.True(reader.TryGetMarkdown(key, out var entry));
            expected[key] = entry.Result.Html;
        }
        reader.Pack!.Dispose();
        var first = Pack(site);

        var cache = new StaticBriefs.Incremental.BuildCache(site.CacheDirectory);
        cache.EnsureLoaded();
        // Without documents, tokens and half the bodies, less than half the pack is in use: the save rewrites it.
        var dropped = cache.UnreadMarkdown.Keys.Order(StringComparer.Ordinal).Where((_, i) => i % 2 == 0).ToList();
        foreach (var key in dropped) cache.ForgetMarkdown(key);
        cache.Documents.Clear();
        cache.Tokens.Clear();
        cache.Save();
        cache.Pack!.Dispose();

        Assert.NotEqual(first, Pack(site));
        var after = new StaticBriefs.Incremental.BuildCache(site.CacheDirectory);
        after.EnsureLoaded();
        var kept = expected.Keys.Except(dropped, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(kept);
        Assert.Equal(kept, after.UnreadMarkdown.Keys.Order(StringComparer.Ordinal));
        foreach (var key in kept)
        {
            Assert.True(after.TryGetMarkdown(key, out var entry));
            Assert.Equal(expected[key], entry.Result.Html);
        }
        after.Pack!.Dispose();
    }

    [Fact]
    public void Documents_taken_from_the_cache_leave_their_bodies_in_the_pack_until_asked_for()
    {
        using var site = new IncrementalSite(inMemory: false);
        site.BuildOk();

        var cache = new StaticBriefs.Incremental.BuildCache(site.CacheDirectory);
        cache.EnsureLoaded();

        Assert.NotEmpty(cache.Documents);
        Assert.All(cache.Documents.Values, entry => Assert.False(entry.Document.BodySource.IsRead, entry.Document.RelativePath));
        var brief = cache.Documents[Brief].Document;
        Assert.Contains("Amazon remains a minority shareholder.", brief.Body, StringComparison.Ordinal);
        Assert.True(brief.BodySource.IsRead);
        Assert.Equal(1, cache.Documents.Values.Count(e => e.Document.BodySource.IsRead));
        // The body as the file has it, after its front matter.
        var file = File.ReadAllText(Path.Combine(site.Site.InputDirectory, Brief)).ReplaceLineEndings("\n").TrimEnd('\n');
        Assert.EndsWith(brief.Body.ReplaceLineEndings("\n").Trim('\n'), file, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_whose_bytes_changed_in_the_pack_after_loading_is_reported_as_a_cache_that_changed()
    {
        using var site = new IncrementalSite(inMemory: false);
        site.BuildOk();
        var cache = new StaticBriefs.Incremental.BuildCache(site.CacheDirectory);
        cache.EnsureLoaded();
        var brief = cache.Documents[Brief].Document;

        // Another process rewriting the pack in place (this tool only appends, or writes a new pack).
        var pack = Pack(site);
        var bytes = File.ReadAllBytes(pack);
        var sentence = "Amazon remains a minority shareholder."u8.ToArray();
        var replaced = 0;
        for (var at = bytes.AsSpan().IndexOf(sentence); at >= 0; at = bytes.AsSpan().IndexOf(sentence))
        {
            "Amazon remains a majority shareholder."u8.CopyTo(bytes.AsSpan(at));
            replaced++;
        }
        Assert.True(replaced > 0);
        File.WriteAllBytes(pack, bytes);

        var error = Assert.Throws<IOException>(() => brief.Body);
        Assert.Contains(pack, error.Message, StringComparison.Ordinal);
        Assert.Contains("Build again", error.Message, StringComparison.Ordinal);
        Assert.False(brief.BodySource.IsRead);
    }

    [Fact]
    public void Bodies_left_in_a_pack_stay_readable_after_a_save_compacts_it_into_a_new_one()
    {
        using var site = new IncrementalSite(inMemory: false);
        site.BuildOk();
        var first = Pack(site);
        var reference = new StaticBriefs.Incremental.BuildCache(site.CacheDirectory);
        reference.EnsureLoaded();
        var expected = reference.Documents.ToDictionary(p => p.Key, p => p.Value.Document.Body, StringComparer.Ordinal);
        var cache = new StaticBriefs.Incremental.BuildCache(site.CacheDirectory);
        cache.EnsureLoaded();
        var documents = cache.Documents.Values.Select(e => e.Document).ToList();
        Assert.All(documents, d => Assert.False(d.BodySource.IsRead));

        // Less than half the pack still in use: the save writes a new pack and removes the old file.
        cache.Documents.Clear();
        cache.Tokens.Clear();
        foreach (var key in cache.UnreadMarkdown.Keys.ToList()) cache.ForgetMarkdown(key);
        cache.Save();
        Assert.NotEqual(first, Pack(site));
        Assert.False(File.Exists(first));

        Assert.Equal(expected.Count, documents.Count);
        foreach (var document in documents) Assert.Equal(expected[document.RelativePath], document.Body);
        Assert.Contains("Amazon remains a minority shareholder.", documents.Single(d => d.RelativePath == Brief).Body, StringComparison.Ordinal);
    }

    private static void EditBody(IncrementalSite site, string from, string to)
    {
        var path = Path.Combine(site.Site.InputDirectory, Brief);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    private static string Pack(IncrementalSite site) => Assert.Single(Directory.GetFiles(site.CacheDirectory, "bodies-*.pack"));
}
