using StaticBriefs.Output;

namespace StaticBriefs.Tests.Output;

/// <summary>
/// A folder move's names (<see cref="FolderMove"/>): paths below its new name map back to the old one, and a journal
/// naming a move that could leave its folder, or land on StaticBriefs' own entries, is not read.
/// </summary>
public sealed class FolderMoveTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sb-move-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_path_below_the_new_name_was_below_the_old_one_and_others_are_their_own()
    {
        var move = new FolderMove("search/aaaa", "search/bbbb");

        Assert.Equal("search/aaaa/docs/1.json", move.Before("search/bbbb/docs/1.json"));
        Assert.Equal("search/bbbb2/x.json", move.Before("search/bbbb2/x.json"));
        Assert.Equal("search/bbbb", move.Before("search/bbbb"));
        Assert.True(move.Moves("search/aaaa/meta.json"));
        Assert.False(move.Moves("search/aaaa"));
        Assert.False(move.Moves("search/aaaab/meta.json"));
    }

    [Theory]
    [InlineData("search/a", "search/b", true)]
    [InlineData("search/a", "other/b", false)]
    [InlineData("search/a", "search/a", false)]
    [InlineData("search/../a", "search/b", false)]
    [InlineData("/search/a", "/search/b", false)]
    [InlineData(".output.work", "b", false)]
    [InlineData("a", ".staticbriefs-owned", false)]
    public void Only_a_rename_in_one_folder_between_plain_names_is_safe(string from, string to, bool safe) =>
        Assert.Equal(safe, new FolderMove(from, to).IsSafe);

    [Fact]
    public void A_journal_keeps_its_moves_and_one_with_an_unsafe_move_is_not_read()
    {
        var path = Path.Combine(_folder, "journal");
        new CommitJournal(CommitJournal.Patch, "work", false, ["search/a/x.json"], [], [new FolderMove("search/a", "search/b")]).Write(path);

        var read = CommitJournal.Read(path);

        Assert.NotNull(read);
        Assert.Equal([new FolderMove("search/a", "search/b")], read.Moves);
        new CommitJournal(CommitJournal.Patch, "work", false, [], [], [new FolderMove("search/a", "../outside")]).Write(path);
        Assert.Null(CommitJournal.Read(path));
    }

    [Fact]
    public void A_journal_written_before_moves_reads_as_having_none()
    {
        var path = Path.Combine(_folder, "journal");
        File.WriteAllText(path, """{"Mode":"patch","Work":"work","Clean":false,"Stale":["a.html"],"Carried":[]}""");

        var read = CommitJournal.Read(path);

        Assert.NotNull(read);
        Assert.Null(read.Moves);
        Assert.Equal(["a.html"], read.Stale);
    }
}
