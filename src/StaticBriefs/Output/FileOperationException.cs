namespace StaticBriefs.Output;

/// <summary>A file operation the system refused; <see cref="Exception.HResult"/> is the errno, and the paths involved are kept for the message.</summary>
internal sealed class FileOperationException : IOException
{
    /// <summary>Creates the exception.</summary>
    public FileOperationException(string message, int errno, IReadOnlyList<string> paths)
        : base(message, errno) => Paths = paths;

    /// <summary>Creates the exception.</summary>
    public FileOperationException()
        : this("a file operation failed", 0, []) { }

    /// <summary>Creates the exception.</summary>
    public FileOperationException(string message)
        : this(message, 0, []) { }

    /// <summary>Creates the exception.</summary>
    public FileOperationException(string message, Exception inner)
        : base(message, inner) => Paths = [];

    /// <summary>The paths the operation was given, first the one it acted on.</summary>
    public IReadOnlyList<string> Paths { get; }
}
