using StaticBriefs.Diagnostics;

namespace StaticBriefs.Output;

/// <summary>Turns a failed file operation into words a user can act on, without .NET's exception names or staging paths.</summary>
internal static class IoFailure
{
    /// <summary>True for the exceptions a file operation throws when the disk, the permissions or the path are at fault.</summary>
    public static bool IsIo(Exception exception) => exception is IOException or UnauthorizedAccessException;

    /// <summary>What went wrong, in plain words.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        PathTooLongException => "the path is too long for the file system (shorten the file or folder names, or use a shorter --output path)",
        UnauthorizedAccessException => "permission denied (check who owns the output folder and its subfolders)",
        IOException { HResult: 28 or 122 } => "no space left on the device (free some space and build again)",
        IOException { HResult: 27 } => "the file is larger than the file system or a limit allows",
        IOException { HResult: 30 } => "the file system is read-only",
        IOException { HResult: 36 } => "a file or folder name is too long for the file system",
        IOException { HResult: 1 or 13 } => "the operation is not permitted (the file or folder may be immutable or owned by someone else)",
        _ => exception.Message,
    };

    /// <summary>The SB023 error for <paramref name="displayPath"/>.</summary>
    public static Diagnostic Error(string displayPath, string what, Exception exception) =>
        new(Severity.Error, displayPath, 0, 0, DiagnosticCodes.OutputWriteFailed, $"{what}: {Describe(exception)}");

    /// <summary>An SB023 warning: something went wrong that cost nothing of the site or of anyone's files.</summary>
    public static Diagnostic Warning(string displayPath, string what, Exception exception) =>
        new(Severity.Warning, displayPath, 0, 0, DiagnosticCodes.OutputWriteFailed, $"{what}: {Describe(exception)}");
}
