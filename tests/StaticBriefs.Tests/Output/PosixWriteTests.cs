using StaticBriefs.Output;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Output;

/// <summary>
/// <see cref="Posix.WriteFile"/>, which writes every output file of a build: whole content of any size, an existing file
/// emptied first, the mode .NET gives a new file, and failures thrown as the .NET calls it replaced throw them.
/// </summary>
public sealed class PosixWriteTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public void A_file_holds_exactly_what_was_written_whatever_was_there_before()
    {
        var path = Path.Combine(_site.Root, "page.html");
        var large = new byte[3 * 1024 * 1024 + 17];
        new Random(7).NextBytes(large);

        Posix.WriteFile(path, large);
        Assert.Equal(large, File.ReadAllBytes(path));

        Posix.WriteFile(path, "short"u8);
        Assert.Equal("short"u8.ToArray(), File.ReadAllBytes(path));

        Posix.WriteFile(path, []);
        Assert.Empty(File.ReadAllBytes(path));
    }

    [Fact]
    public void A_new_file_gets_the_mode_dotnet_gives_one()
    {
        var ours = Path.Combine(_site.Root, "ours.html");
        var dotnets = Path.Combine(_site.Root, "dotnets.html");

        Posix.WriteFile(ours, "x"u8);
        File.WriteAllBytes(dotnets, "x"u8.ToArray());

        if (!OperatingSystem.IsWindows()) Assert.Equal(File.GetUnixFileMode(dotnets), File.GetUnixFileMode(ours));
    }

    [Fact]
    public void Failures_name_the_path_and_the_cause_as_dotnet_would_throw_them()
    {
        var missingFolder = Path.Combine(_site.Root, "missing", "page.html");
        var folder = Directory.CreateDirectory(Path.Combine(_site.Root, "folder")).FullName;
        var longName = Path.Combine(_site.Root, new string('n', 300) + ".html");

        var missing = Assert.IsAssignableFrom<IOException>(Record.Exception(() => Posix.WriteFile(missingFolder, "x"u8)));
        Assert.Contains(missingFolder, missing.Message, StringComparison.Ordinal);
        if (OperatingSystem.IsLinux()) Assert.Equal(2, missing.HResult);
        Assert.IsAssignableFrom<IOException>(Record.Exception(() => Posix.WriteFile(folder, "x"u8)));
        Assert.IsType<PathTooLongException>(Record.Exception(() => Posix.WriteFile(longName, "x"u8)));
    }
}
