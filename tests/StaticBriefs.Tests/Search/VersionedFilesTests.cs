using System.Text;
using StaticBriefs.Search;

namespace StaticBriefs.Tests.Search;

/// <summary>A versioned index's files, held until all are made: in memory up to the sink's budget, the rest in a scratch file.</summary>
public sealed class VersionedFilesTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("sb-scratch-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private static byte[] Bytes(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public void Files_beyond_the_budget_go_to_a_scratch_file_and_come_out_the_same_in_the_same_folder()
    {
        var files = Enumerable.Range(0, 300).Select(i => ($"shards/{i}.json", Bytes(i, 100 + (i * 37 % 900)))).ToList();
        var sink = new SpillingOutputSink(_scratch, holdInMemory: 4096);
        using var held = new VersionedFiles();
        using var spilled = new VersionedFiles(sink);
        using var laterHeld = new VersionedFiles();
        var laterSpilled = new VersionedFiles(sink);
        foreach (var (path, bytes) in files.Take(200))
        {
            held.WriteBytes(path, bytes);
            spilled.WriteBytes(path, bytes);
        }
        foreach (var (path, bytes) in files.Skip(200))
        {
            laterHeld.WriteBytes(path, bytes);
            laterSpilled.WriteBytes(path, bytes);
        }
        held.Append(laterHeld);
        spilled.Append(laterSpilled);
        // The appended files' scratch file is now the first one's to close.
        laterSpilled.Dispose();
        Assert.Equal(2, sink.ScratchFiles.Count);

        var expected = new InMemoryOutputSink();
        held.CopyTo(expected, "search/v/");
        spilled.CopyTo(sink, "search/v/");

        Assert.Equal(held.Version(), spilled.Version());
        Assert.Equal(0, held.SpilledBytes);
        Assert.True(spilled.SpilledBytes > files.Sum(f => f.Item2.Length) - (2 * 4096), $"spilled {spilled.SpilledBytes}");
        Assert.Equal(files.Select(f => "search/v/" + f.Item1).Order(StringComparer.Ordinal), sink.Files.Keys.Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.Equal(f.Item2, sink.Files["search/v/" + f.Item1]));
        Assert.All(expected.Files, f => Assert.Equal(f.Value, sink.Files[f.Key]));
        spilled.Dispose();
        Assert.Empty(Directory.EnumerateFileSystemEntries(_scratch));
    }

    [Fact]
    public void The_version_changes_with_any_file_name_or_byte_and_with_their_order()
    {
        static string Version(params (string Path, string Text)[] files)
        {
            using var versioned = new VersionedFiles();
            foreach (var (path, text) in files) versioned.WriteText(path, text);
            return versioned.Version();
        }

        var first = Version(("a.json", "[1]"), ("b.json", "[2]"));
        Assert.Equal(first, Version(("a.json", "[1]"), ("b.json", "[2]")));
        Assert.NotEqual(first, Version(("a.json", "[1]"), ("b.json", "[3]")));
        Assert.NotEqual(first, Version(("a.json", "[1]"), ("c.json", "[2]")));
        Assert.NotEqual(first, Version(("b.json", "[2]"), ("a.json", "[1]")));
        // A name and bytes are not confused with another split of the same characters.
        Assert.NotEqual(Version(("ab", "c")), Version(("a", "bc")));
    }

    [Fact]
    public void Without_a_scratch_file_to_make_the_files_stay_in_memory()
    {
        var sink = new SpillingOutputSink(Path.Combine(_scratch, "missing", "folder"), holdInMemory: 0);
        using var versioned = new VersionedFiles(sink);

        versioned.WriteText("a.json", "[1]");
        versioned.WriteBytes("b.bin", Encoding.UTF8.GetBytes("[2]"));
        versioned.CopyTo(sink, "search/");

        Assert.Equal(0, versioned.SpilledBytes);
        Assert.Equal("[1]", sink.Memory.Text("search/a.json"));
        Assert.Equal("[2]", sink.Memory.Text("search/b.bin"));
    }

    [Fact]
    public void An_index_written_through_a_scratch_file_is_the_index_written_in_memory()
    {
        var documents = SearchFixtures.Synthetic(400).ToList();
        var layout = new SearchIndexLayout(true, 8);
        var inMemory = SearchFixtures.WriteIndex(documents, layout);
        var builder = new SearchIndexBuilder();
        foreach (var document in documents) builder.Add(document);
        var sink = new SpillingOutputSink(_scratch, holdInMemory: 1024);

        builder.Write(sink, layout);

        Assert.NotEmpty(sink.ScratchFiles);
        Assert.Equal(inMemory.Files.Keys.Order(StringComparer.Ordinal), sink.Files.Keys.Order(StringComparer.Ordinal));
        Assert.All(inMemory.Files, f => Assert.Equal(f.Value, sink.Files[f.Key]));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_scratch));
    }
}
