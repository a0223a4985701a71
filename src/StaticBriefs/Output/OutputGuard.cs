using StaticBriefs.Diagnostics;

namespace StaticBriefs.Output;

/// <summary>The folders a build reads or keeps, which its output folder must stay clear of (paths as given).</summary>
/// <param name="Input">The input folder (its <c>_theme/</c> overrides are inside it).</param>
/// <param name="Theme">The theme folder.</param>
/// <param name="Cache">The build cache folder, when there is one.</param>
/// <param name="SettingsFile">A settings file read instead of <c>input/_site.yml</c>, when given.</param>
/// <param name="WorkingDirectory">The folder the command runs in.</param>
/// <param name="Home">The user's home folder, when known.</param>
internal sealed record GuardedFolders(
    string Input, string Theme, string? Cache, string? SettingsFile, string WorkingDirectory, string? Home);

/// <summary>
/// Refuses an output folder whose replacement would destroy something else: a build owns its output folder, so it
/// must not be, contain or lie inside the input, the theme or the cache, and must not be the working folder, a folder
/// above it, the user's home or the root. Paths are compared as real paths (links resolved), and nothing is written.
/// </summary>
internal static class OutputGuard
{
    /// <summary>The refusal for <paramref name="output"/> (SB020, naming the folder it collides with), or null when it is safe.</summary>
    public static Diagnostic? Check(string output, GuardedFolders folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var reason = Reason(output, folders);
        return reason is null ? null : new Diagnostic(Severity.Error, output, 0, 0, DiagnosticCodes.OutputOverlaps,
            $"refusing to build into this folder: it {reason}. A build replaces the files it wrote in its output folder, "
            + "so the output must be a folder of its own, outside the input, the theme and .staticbriefs/ "
            + "(for example --output output). Nothing was read or written");
    }

    private static string? Reason(string output, GuardedFolders folders)
    {
        if (DanglingLink(output) is { } target) return $"is a symbolic link to {target}, which does not exist";
        var real = RealPaths.Of(output);
        if (real == "/") return "is the root of the file system";
        if (OutputTree.KindOf(real) is EntryKind.File) return "is a file (or a pipe or device), not a folder";
        foreach (var (path, name) in new[] { (folders.Input, "the input folder"), (folders.Theme, "the theme folder"), (folders.Cache, "the build cache") })
        {
            if (path is null) continue;
            var protectedPath = RealPaths.Of(path);
            if (real == protectedPath) return $"is {name} ({protectedPath})";
            if (RealPaths.IsSameOrInside(real, protectedPath)) return $"is inside {name} ({protectedPath})";
            if (RealPaths.IsSameOrInside(protectedPath, real)) return $"contains {name} ({protectedPath})";
        }
        var working = RealPaths.Of(folders.WorkingDirectory);
        if (real == working) return "is the working folder";
        if (RealPaths.IsSameOrInside(working, real)) return $"contains the working folder ({working})";
        if (folders.Home is { Length: > 0 } home)
        {
            var realHome = RealPaths.Of(home);
            if (real == realHome) return "is your home folder";
            if (RealPaths.IsSameOrInside(realHome, real)) return $"contains your home folder ({realHome})";
        }
        if (folders.SettingsFile is { } settings && RealPaths.IsSameOrInside(RealPaths.Of(settings), real))
            return $"contains the settings file ({RealPaths.Of(settings)})";
        return null;
    }

    /// <summary>The target of <paramref name="path"/> when it is a symbolic link to nothing.</summary>
    private static string? DanglingLink(string path)
    {
        var info = new FileInfo(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)));
        if (info.LinkTarget is not { } target) return null;
        // File.Exists is true for a dangling link (it falls back to the link itself): ask for the resolved path.
        return OperatingSystem.IsWindows() || Posix.RealPath(info.FullName) is not null ? null : target;
    }
}
