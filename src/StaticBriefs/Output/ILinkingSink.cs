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
    /// <paramref name="hash"/> is the bytes' <see cref="System.IO.Hashing.XxHash128.HashToUInt128"/>, made once by the caller.
    /// </summary>
    /// <paramref name="key"/> is what the file is recorded by; null for a key made from <paramref name="hash"/>. With no
    /// <paramref name="earlierPath"/> the file is written (or kept, where the last build made it from the same key).
    void WriteBytesLike(string relativePath, ReadOnlySpan<byte> content, UInt128 hash, string? earlierPath, string? key = null);

    /// <summary>
    /// Stages <paramref name="relativePath"/> as the last build's <paramref name="earlierPath"/>, without its bytes, when
    /// that file was recorded by <paramref name="key"/> and stands as recorded (brought by the folder move, else linked
    /// to). False when it cannot be: the caller makes the bytes and writes them (<see cref="WriteBytesLike"/>).
    /// </summary>
    bool TryKeepLike(string relativePath, string key, string earlierPath);

    /// <summary>The key and length the last build recorded for <paramref name="path"/>, or null when it made no such file.</summary>
    (string Key, long Length)? EarlierRecord(string path);

    /// <summary>
    /// Asks for the last build's <paramref name="earlierFolder"/> to be renamed <paramref name="folder"/> at the commit,
    /// before any file of <paramref name="folder"/> is written: then <see cref="WriteBytesLike"/> stages nothing for a
    /// file unchanged below it (the move brings it), and the commit removes what the new folder does not make. False
    /// when it cannot be (the folder holds a file the last build did not write, or a link) or would not pay (most
    /// files changed: each is then moved into place one by one); files are then linked.
    /// </summary>
    /// <param name="earlierFolder">The last build's folder, relative, ending in '/'.</param>
    /// <param name="folder">The new folder, relative, ending in '/'.</param>
    /// <param name="files">Every file the new folder is to hold, relative to it, with the
    /// <see cref="System.IO.Hashing.XxHash128.HashToUInt128"/> of its bytes and the key it is recorded by (null for one
    /// made from the hash).</param>
    bool TryMoveFolder(string earlierFolder, string folder, IReadOnlyList<(string Path, UInt128 Hash, string? Key)> files);
}
