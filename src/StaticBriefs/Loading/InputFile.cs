using StaticBriefs.Diagnostics;
using StaticBriefs.FileSystem;

namespace StaticBriefs.Loading;

/// <summary>
/// Reads one named file of the input folder (<c>_site.yml</c>, <c>_data/companies.yml</c>) with the same care as the
/// scan: it must be a regular file inside the folder (links followed only inside), decoded strictly.
/// </summary>
public static class InputFile
{
    /// <summary>The file's text; null when it is absent (not reported) or refused (reported).</summary>
    public static string? ReadText(string inputDirectory, string relative, DiagnosticBag diagnostics)
    {
        var boundary = FileStatus.RealPath(inputDirectory, out _) ?? Path.GetFullPath(inputDirectory);
        return ReadText(Path.Combine(inputDirectory, relative), boundary, relative, diagnostics);
    }

    /// <summary>A file anywhere (<c>--config FILE</c>): checked and read like an input file, its own folder the boundary.</summary>
    public static string? ReadGiven(string path, DiagnosticBag diagnostics)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var boundary = FileStatus.RealPath(folder, out _) ?? folder;
        // A file named on the command line may be a link anywhere the user likes: the user chose it.
        var real = FileStatus.RealPath(path, out _);
        if (real is not null) boundary = Path.GetDirectoryName(real) ?? boundary;
        return ReadText(real ?? path, boundary, path, diagnostics);
    }

    private static string? ReadText(string path, string boundary, string display, DiagnosticBag diagnostics)
    {
        var found = SafePath.ResolveAnywhere(path, boundary, display, diagnostics);
        switch (found.Kind)
        {
            case FileKind.Regular:
                return SourceText.Read(found.ReadPath!, display, diagnostics);
            case FileKind.Directory:
                diagnostics.Error(display, 0, DiagnosticCodes.IoError, "is a folder, not a file; remove or rename it");
                return null;
            default:
                return null;
        }
    }
}
