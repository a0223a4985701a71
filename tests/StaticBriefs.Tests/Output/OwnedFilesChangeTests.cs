using StaticBriefs.Output;

namespace StaticBriefs.Tests.Output;

/// <summary>
/// A partial commit changes the owned files in place and writes the manifest from the old sorted list and the change:
/// after any sequence of changes the list, its folders and the manifest's bytes are those of a list built afresh.
/// </summary>
public sealed class OwnedFilesChangeTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sb-owned-change-" + Guid.NewGuid().ToString("N")[..12]);

    public OwnedFilesChangeTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Names that sort in awkward places: '%', '#', line breaks, non-ASCII, a file beside a folder of the same stem.</summary>
    private static readonly string[] Names =
    [
        "index.html", "feed.xml", "a", "a.html", "a/index.html", "a/b/index.html", "a/b/c/index.html", "a-b/index.html",
        "b/100%.html", "#hash.txt", "z/%0A.txt", "line\nbreak/index.html", "ü/ñ.html", "Z/index.html", "page/2/index.html",
        "page/10/index.html", "search/shards/0.json", "search/shards/1.json", "search/shards/10.json", "search/index.html",
    ];

    [Theory]
    [InlineData(2)]
    [InlineData(150)]
    [InlineData(400)]
    public void A_few_or_many_files_leaving_are_found_where_they_stand(int leaving)
    {
        // A few are looked up one by one; many (a search index version) in one pass down the list: the same answer.
        var files = Enumerable.Range(0, 400).Select(i => $"search/abc{i % 3}/docs/{i}.json").ToList();
        var owned = new OwnedFiles(files);
        var gone = files.Where((_, i) => i % (400 / leaving) == 0).Take(leaving).Append("not/owned.html").Append(files[0]).ToList();

        var change = owned.Change(gone, added: []);

        var expected = gone.Where(files.Contains).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, change.Gone.ToArray());
        Assert.Equal(new OwnedFiles(files.Except(gone)).Sorted.ToArray(), change.After());
    }

    [Fact]
    public void Any_sequence_of_changes_in_place_leaves_the_list_and_manifest_a_fresh_list_has()
    {
        var random = new Random(14);
        var expected = new HashSet<string>(Names.Where((_, i) => i % 2 == 0), StringComparer.Ordinal);
        var owned = new OwnedFiles(expected);
        for (var round = 0; round < 200; round++)
        {
            // Some gone (a few not owned, which are ignored), some added (a few owned already, also ignored).
            var gone = Names.Where(_ => random.Next(4) == 0).ToList();
            var added = Names.Where(n => !gone.Contains(n) && random.Next(4) == 0).ToList();
            var change = owned.Change(gone, added);
            var after = new HashSet<string>(expected.Except(gone).Union(added), StringComparer.Ordinal);
            var fresh = new OwnedFiles(after);

            Assert.Equal(gone.Where(expected.Contains).Order(StringComparer.Ordinal), change.Gone.Order(StringComparer.Ordinal));
            Assert.Equal(fresh.Sorted.ToArray(), change.After());
            foreach (var name in Names.Concat(Folders(Names)))
            {
                Assert.Equal(fresh.HasFolder(name), change.HasFolderAfter(name));
                Assert.Equal(expected.Contains(name) || after.Contains(name), change.Either.Contains(name));
                Assert.Equal(new OwnedFiles(expected.Union(after)).HasFolder(name), change.Either.HasFolder(name));
            }
            OwnedFiles.WriteSorted(Path.Combine(_folder, "from-change"), change.After());

            owned.Apply(change);
            expected = after;

            Assert.True(owned.SetEquals(expected));
            Assert.Equal(fresh.Sorted.ToArray(), owned.Sorted.ToArray());
            foreach (var name in Names.Concat(Folders(Names))) Assert.Equal(fresh.HasFolder(name), owned.HasFolder(name));
            OwnedFiles.Write(Path.Combine(_folder, "fresh"), expected.Reverse());
            owned.Write(Path.Combine(_folder, "in-place"));
            Assert.Equal(File.ReadAllBytes(Path.Combine(_folder, "fresh")), File.ReadAllBytes(Path.Combine(_folder, "in-place")));
            Assert.Equal(File.ReadAllBytes(Path.Combine(_folder, "fresh")), File.ReadAllBytes(Path.Combine(_folder, "from-change")));
        }
    }

    [Fact]
    public void A_change_planned_before_another_was_made_is_refused()
    {
        var owned = new OwnedFiles(["a.html", "b.html"]);
        var first = owned.Change(["a.html"], []);
        var second = owned.Change(["b.html"], []);

        owned.Apply(first);

        Assert.Throws<InvalidOperationException>(() => owned.Apply(second));
        Assert.Equal(["b.html"], owned.Files);
    }

    [Fact]
    public void A_change_of_nothing_owned_is_empty()
    {
        var owned = new OwnedFiles(["a.html", "b/index.html"]);

        Assert.True(owned.Change(["c.html", "b"], ["a.html", "b/index.html"]).IsEmpty);
        Assert.False(owned.Change([], ["c.html"]).IsEmpty);
    }

    [Fact]
    public void A_manifest_read_back_answers_as_the_list_it_was_written_from()
    {
        var files = Names.Reverse().ToArray();
        OwnedFiles.Write(Path.Combine(_folder, OwnedFiles.FileName), files);

        var read = OwnedFiles.Read(_folder)!;

        Assert.Equal(new OwnedFiles(files).Sorted.ToArray(), read.Sorted.ToArray());
        foreach (var name in Names.Concat(Folders(Names))) Assert.Equal(new OwnedFiles(files).HasFolder(name), read.HasFolder(name));
    }

    private static IEnumerable<string> Folders(IEnumerable<string> files) =>
        files.SelectMany(f => Enumerable.Range(0, f.Length).Where(i => f[i] == '/').Select(i => f[..i])).Distinct();
}
