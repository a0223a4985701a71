using StaticBriefs.Output;

namespace StaticBriefs.Tests.Output;

public sealed class OwnedFilesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sb-owned-" + Guid.NewGuid().ToString("N")[..12]);

    public OwnedFilesTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Manifest => Path.Combine(_folder, OwnedFiles.FileName);

    [Fact]
    public void Any_file_name_survives_the_round_trip_and_the_list_is_sorted()
    {
        string[] files = ["index.html", "b/100%.html", "a/line\nbreak.txt", "#hash.txt", "a/#not-a-comment", "z/%0A.txt", "ü/ñ.html"];

        OwnedFiles.Write(Manifest, files);
        var read = OwnedFiles.Read(_folder);

        Assert.NotNull(read);
        Assert.True(read.SetEquals(files));
        var lines = File.ReadAllLines(Manifest).Where(l => !l.StartsWith('#')).ToList();
        Assert.Equal(lines.Order(StringComparer.Ordinal), lines);
        Assert.Equal(files.Length, lines.Count);
    }

    [Fact]
    public void The_same_files_give_the_same_bytes_whatever_their_order()
    {
        OwnedFiles.Write(Manifest, ["b.html", "a.html", "c/d.html"]);
        var first = File.ReadAllBytes(Manifest);
        OwnedFiles.Write(Manifest, ["c/d.html", "b.html", "a.html"]);

        Assert.Equal(first, File.ReadAllBytes(Manifest));
    }

    [Fact]
    public void Lines_that_would_reach_outside_the_folder_are_ignored()
    {
        File.WriteAllText(Manifest, "# StaticBriefs output manifest 1\nok.html\n../up.txt\n/etc/passwd\na/../../b\n./x\na//b\n");

        var read = OwnedFiles.Read(_folder)!;

        Assert.Equal(["ok.html"], read.Files);
    }

    [Fact]
    public void A_file_without_the_header_is_not_a_manifest()
    {
        File.WriteAllText(Manifest, "index.html\n");

        Assert.Null(OwnedFiles.Read(_folder));
    }

    [Fact]
    public void Folders_of_owned_files_are_known()
    {
        var owned = new OwnedFiles(["briefs/a/index.html", "index.html"]);

        Assert.True(owned.HasFolder("briefs"));
        Assert.True(owned.HasFolder("briefs/a"));
        Assert.False(owned.HasFolder("brief"));
        Assert.False(owned.HasFolder("index.html"));
    }
}
