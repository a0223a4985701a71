using StaticBriefs.Diagnostics;
using StaticBriefs.FileSystem;
using StaticBriefs.Loading;

namespace StaticBriefs.Cli;

/// <summary>
/// Reads the file given to <c>import</c>: a regular file (a pipe or device would block or never end), at most
/// <see cref="MaxBytes"/>, and text (valid UTF-8 without NUL bytes). Anything else is refused with SB044, because a
/// brief made from a binary file or a 2 GB log is never what the user meant.
/// </summary>
internal static class ImportSource
{
    /// <summary>Largest file <c>import</c> reads (4 MiB): a chat transcript is kilobytes.</summary>
    public const long MaxBytes = 4L * 1024 * 1024;

    /// <summary>The file's text, or null after printing why it is refused.</summary>
    public static string? Read(string path, TextWriter stderr)
    {
        var kind = FileStatus.Stat(path, out _);
        if (kind != FileKind.Regular)
            return Refuse(stderr, path, $"is a {kind.Describe()}, not a regular file; import reads text files");
        var length = new FileInfo(path).Length;
        if (length > MaxBytes)
            return Refuse(stderr, path, $"is {length / 1024:N0} KiB; import reads text files of at most {MaxBytes / (1024 * 1024)} MiB");
        var diagnostics = new DiagnosticBag();
        var bytes = SourceText.ReadBytes(path, path, diagnostics);
        var text = bytes is null ? null : SourceText.Decode(bytes, path, diagnostics);
        foreach (var diagnostic in diagnostics.Sorted()) stderr.WriteLine(diagnostic.ToString());
        if (text is null) return Refuse(stderr, path, "is not a UTF-8 text file; save it as plain text (UTF-8) and import it again");
        if (text.Contains('\0', StringComparison.Ordinal))
            return Refuse(stderr, path, "contains NUL bytes, so it is not a text file (a document or binary file?); export it as plain text first");
        return text;
    }

    private static string? Refuse(TextWriter stderr, string path, string message)
    {
        stderr.WriteLine(new Diagnostic(Severity.Error, path, 0, 0, DiagnosticCodes.ImportRefused, message).ToString());
        return null;
    }
}
