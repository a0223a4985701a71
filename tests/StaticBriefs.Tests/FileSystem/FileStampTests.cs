using StaticBriefs.FileSystem;

namespace StaticBriefs.Tests.FileSystem;

/// <summary><see cref="FileStamp"/> says what <see cref="FileInfo"/> and the file system say, for every kind of entry.</summary>
public sealed class FileStampTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sb-stamp-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_file_s_stamp_has_its_size_and_write_time_as_file_info_gives_them()
    {
        var path = Path.Combine(_root, "a.txt");
        File.WriteAllText(path, "twelve bytes");
        File.SetLastWriteTimeUtc(path, new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc).AddTicks(1234567));

        var stamp = Assert.IsType<FileStamp>(FileStamp.Of(path));

        var info = new FileInfo(path);
        Assert.Equal(FileKind.Regular, stamp.Kind);
        Assert.Equal(info.Length, stamp.Size);
        Assert.Equal(info.LastWriteTimeUtc.Ticks, stamp.WriteTicks);
        Assert.NotEqual(0UL, stamp.Inode);
    }

    [Fact]
    public void A_write_changes_the_change_time_and_a_second_name_has_the_same_inode()
    {
        var path = Path.Combine(_root, "a.txt");
        File.WriteAllText(path, "first");
        var before = FileStamp.Of(path)!.Value;
        Thread.Sleep(20);
        var time = File.GetLastWriteTimeUtc(path);
        File.WriteAllText(path, "other");
        // The write time put back as it was: the change time still tells.
        File.SetLastWriteTimeUtc(path, time);

        var after = FileStamp.Of(path)!.Value;

        Assert.Equal(before.WriteTicks, after.WriteTicks);
        Assert.Equal(before.Size, after.Size);
        Assert.True(after.ChangeNanoseconds > before.ChangeNanoseconds);
        Assert.Equal(before.Inode, after.Inode);
        Assert.Equal(before.Device, after.Device);
    }

    [Fact]
    public void A_link_is_a_link_unless_followed_a_folder_a_folder_and_nothing_missing()
    {
        var target = Path.Combine(_root, "target.txt");
        File.WriteAllText(target, "x");
        var link = Path.Combine(_root, "link");
        File.CreateSymbolicLink(link, target);

        Assert.Equal(FileKind.SymbolicLink, FileStamp.Of(link)!.Value.Kind);
        Assert.Equal(FileKind.Regular, FileStamp.Of(link, follow: true)!.Value.Kind);
        Assert.Equal(FileKind.Directory, FileStamp.Of(_root)!.Value.Kind);
        Assert.Equal(FileKind.Missing, FileStamp.Of(Path.Combine(_root, "none"))!.Value.Kind);
        Assert.Equal(FileKind.Missing, FileStamp.Of(Path.Combine(target, "below"))!.Value.Kind);
    }

    [Theory]
    [InlineData("a.txt")]
    [InlineData("sub/ünïcödé páge.html")]
    [InlineData("sub/missing.html")]
    [InlineData("link")]
    [InlineData("sub")]
    public void A_file_in_a_folder_has_the_stamp_of_its_joined_path(string relative)
    {
        Directory.CreateDirectory(Path.Combine(_root, "sub"));
        File.WriteAllText(Path.Combine(_root, "a.txt"), "twelve bytes");
        File.WriteAllText(Path.Combine(_root, "sub", "ünïcödé páge.html"), "<p>x</p>");
        File.CreateSymbolicLink(Path.Combine(_root, "link"), Path.Combine(_root, "a.txt"));

        Assert.Equal(FileStamp.Of(Path.Combine(_root, relative)), FileStamp.In(_root, relative));
        // A folder given with its closing slash names the same file.
        Assert.Equal(FileStamp.Of(Path.Combine(_root, relative)), FileStamp.In(_root + "/", relative));
    }

    [Fact]
    public void A_path_too_long_to_join_on_the_stack_is_looked_up_all_the_same()
    {
        var folder = Path.Combine(_root, new string('f', 200), new string('g', 200), new string('h', 200));
        Directory.CreateDirectory(folder);
        var relative = new string('é', 100) + ".txt";
        File.WriteAllText(Path.Combine(folder, relative), "x");

        var stamp = FileStamp.In(folder, relative);

        Assert.Equal(FileKind.Regular, stamp!.Value.Kind);
        Assert.Equal(FileStamp.Of(Path.Combine(folder, relative)), stamp);
    }
    [Fact]
    public void Looked_up_from_a_folder_held_open_a_path_gives_the_stamp_its_whole_path_gives()
    {
        Directory.CreateDirectory(Path.Combine(_root, "out", "briefs", "x"));
        var file = Path.Combine(_root, "out", "briefs", "x", "index.html");
        File.WriteAllText(file, "page");
        Directory.CreateDirectory(Path.Combine(_root, "elsewhere"));
        File.WriteAllText(Path.Combine(_root, "elsewhere", "index.html"), "other page");
        File.CreateSymbolicLink(Path.Combine(_root, "out", "linked"), Path.Combine(_root, "elsewhere", "index.html"));

        using var folder = FolderHandle.Open(Path.Combine(_root, "out"));
        Assert.NotNull(folder);

        Assert.Equal(FileStamp.Of(file), FileStamp.In(folder, "briefs/x/index.html"));
        // A link at the end is looked at as itself, or followed when asked, as from the whole path.
        Assert.Equal(FileKind.SymbolicLink, FileStamp.In(folder, "linked")?.Kind);
        Assert.Equal(FileStamp.Of(Path.Combine(_root, "out", "linked"), follow: true), FileStamp.In(folder, "linked", follow: true));
        Assert.Equal(FileKind.Missing, FileStamp.In(folder, "briefs/nothing.html")?.Kind);
        // Only paths below the folder: an absolute path gets no answer rather than an answer about somewhere else.
        Assert.Null(FileStamp.In(folder, file));
        Assert.Null(FolderHandle.Open(file));

        using var folders = new FolderHandles();
        Assert.Equal(FileStamp.Of(file), folders.Of(file));
        Assert.Equal(FileStamp.Of(file), folders.Of(file));
        Assert.Equal(FileKind.Missing, folders.Of(Path.Combine(_root, "out", "briefs", "x", "gone.html"))?.Kind);
    }
}
