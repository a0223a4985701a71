using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using StaticBriefs.Output;
using StaticBriefs.Search;

namespace StaticBriefs.Tests.Search;

/// <summary>
/// A versioned write after an earlier one takes the display files made from the same briefs, fields and lists from the
/// last version (KnownFiles) rather than making them, and the index is byte for byte the one a fresh write makes.
/// </summary>
public sealed class KnownDisplayFilesTests
{
    private static readonly SearchIndexLayout Layout = new(true, 1);

    [Fact]
    public void A_retitled_brief_leaves_every_other_display_file_to_be_taken_from_the_last_version()
    {
        var documents = SearchFixtures.Synthetic(60).ToList();
        var first = LinkingSink.Write(documents, null);
        var edited = documents.Select(d => d.Id == 5 ? d with { Title = d.Title + " (updated)" } : d).ToList();

        var second = LinkingSink.Write(edited, first);

        Assert.Equal(59, second.Stats.DisplayFilesKnown);
        Assert.Equal(59, second.Taken.Count(p => p.Contains("/docs/", StringComparison.Ordinal)));
        AssertSameIndex(Fresh(edited), second);
    }

    [Fact]
    public void A_known_file_the_sink_cannot_take_is_made_again_with_the_same_bytes()
    {
        var documents = SearchFixtures.Synthetic(40).ToList();
        var first = LinkingSink.Write(documents, null);
        var edited = documents.Select(d => d.Id == 7 ? d with { Summary = "Another summary." } : d).ToList();

        var second = LinkingSink.Write(edited, first, canTake: false);

        Assert.Equal(39, second.Stats.DisplayFilesKnown);
        Assert.Empty(second.Taken);
        AssertSameIndex(Fresh(edited), second);
    }

    [Fact]
    public void A_new_brief_has_the_files_it_changes_made_again_and_no_other()
    {
        var documents = SearchFixtures.Synthetic(80).Select(d => d with { Id = d.Id + 1 }).ToList();
        var first = LinkingSink.Write(documents, null);
        var newest = documents[10] with { Id = 0, Path = "/briefs/newest/", Title = "The newest brief", Date = documents[0].Date.AddDays(1) };
        var added = documents.Prepend(newest).ToList();

        var second = LinkingSink.Write(added, first);

        // The briefs sharing a value with it whose list rides in their display data (not in facets.json) show another
        // list now: exactly the files whose bytes differ from the last version's are made again.
        var fresh = Fresh(added);
        var root = "search/" + first.Root();
        var newRoot = "search/" + second.Root();
        var unchanged = fresh.Files.Count(f => f.Key.StartsWith(newRoot + "docs/", StringComparison.Ordinal)
            && first.Files.TryGetValue(root + f.Key[newRoot.Length..], out var before) && before.AsSpan().SequenceEqual(f.Value));
        Assert.InRange(unchanged, 1, 79);
        Assert.Equal(unchanged, second.Stats.DisplayFilesKnown);
        AssertSameIndex(fresh, second);
    }

    [Fact]
    public void Without_an_earlier_version_every_display_file_is_made_and_recorded_by_its_key()
    {
        var sink = LinkingSink.Write(SearchFixtures.Synthetic(20).ToList(), null);

        Assert.Equal(0, sink.Stats.DisplayFilesKnown);
        var docs = sink.Keys.Where(k => k.Key.Contains("/docs/", StringComparison.Ordinal)).ToList();
        Assert.Equal(20, docs.Count);
        Assert.All(docs, k => Assert.Matches("^display:[0-9a-f]{32}:[0-9a-f]{32}$", k.Value));
        Assert.All(sink.Keys.Where(k => k.Key.Contains("/shards/", StringComparison.Ordinal)), k => Assert.Null(k.Value));
    }

    private static InMemoryOutputSink Fresh(IEnumerable<SearchDocument> documents) => SearchFixtures.WriteIndex(documents, Layout);

    private static void AssertSameIndex(InMemoryOutputSink expected, LinkingSink actual)
    {
        Assert.Equal(expected.Files.Keys.Order(StringComparer.Ordinal), actual.Files.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in expected.Files) Assert.True(bytes.AsSpan().SequenceEqual(actual.Files[path]), path);
    }

    /// <summary>
    /// A sink that records each file's key as the output manifest does, and takes a file from the earlier sink's
    /// version when asked with the key it was recorded by (unless told it cannot).
    /// </summary>
    private sealed class LinkingSink(LinkingSink? earlier, bool canTake) : ILinkingSink
    {
        public ConcurrentDictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, string?> Keys { get; } = new(StringComparer.Ordinal);

        public ConcurrentBag<string> Taken { get; } = [];

        public SearchIndexStats Stats { get; private set; } = new(0, 0, 0, 0);

        public static LinkingSink Write(IEnumerable<SearchDocument> documents, LinkingSink? earlier, bool canTake = true)
        {
            var builder = new SearchIndexBuilder();
            foreach (var document in documents) builder.Add(document);
            var sink = new LinkingSink(earlier, canTake);
            sink.Stats = builder.Write(sink, Layout, null, earlier is null ? null : "search/" + earlier.Root());
            return sink;
        }

        public string Root()
        {
            using var meta = JsonDocument.Parse(Files["search/meta.json"]);
            return meta.RootElement.GetProperty("root").GetString()!;
        }

        public void WriteText(string relativePath, string content) => WriteBytes(relativePath, Encoding.UTF8.GetBytes(content));

        public void WriteBytes(string relativePath, ReadOnlySpan<byte> content)
        {
            Files[relativePath] = content.ToArray();
            Keys[relativePath] = null;
        }

        public void WriteBytesLike(string relativePath, ReadOnlySpan<byte> content, UInt128 hash, string? earlierPath, string? key = null)
        {
            Files[relativePath] = content.ToArray();
            Keys[relativePath] = key;
        }

        public bool TryKeepLike(string relativePath, string key, string earlierPath)
        {
            if (!canTake || earlier is null || !earlier.Keys.TryGetValue(earlierPath, out var recorded) || recorded != key) return false;
            Files[relativePath] = earlier.Files[earlierPath];
            Keys[relativePath] = key;
            Taken.Add(relativePath);
            return true;
        }

        public (string Key, long Length)? EarlierRecord(string path) =>
            earlier is not null && earlier.Keys.TryGetValue(path, out var key) && key is not null ? (key, earlier.Files[path].Length) : null;

        public bool TryMoveFolder(string earlierFolder, string folder, IReadOnlyList<(string Path, UInt128 Hash, string? Key)> files) => false;
    }
}
