namespace StaticBriefs.Output;

/// <summary>
/// A sink that can stage a file equal to one the last build wrote under another name as a second name for that file
/// (a hard link): a versioned search index moves to a new folder after any edit, though nearly all its files are
/// the same bytes as in the folder before.
/// </summary>
internal interface ILinkingSink : IOutputSink
{
    /// <summary>
    /// Writes <paramref name="content"/> at <paramref name="relativePath"/>; when the last build's
    /// <paramref name="earlierPath"/> was made from the same bytes and is untouched since, by linking to it. Thread-safe.
    /// </summary>
    void WriteBytesLike(string relativePath, ReadOnlySpan<byte> content, string earlierPath);
}
