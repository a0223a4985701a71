namespace StaticBriefs.Output;

/// <summary>
/// A folder of the output that a partial commit renames before it moves the staged files in: a versioned search index
/// whose new version keeps most of the last one's files takes the last version's folder under its new name, so the
/// files that did not change are neither linked into the staging tree one by one nor removed with the old version
/// (11,800 of each at 10,000 briefs). Staged files of the new version then replace theirs in it, and the old files
/// the new version lacks go.
/// </summary>
/// <param name="From">The folder as it stands, relative with '/' and no trailing '/'.</param>
/// <param name="To">Its new name, missing until the commit, in the same parent.</param>
internal sealed record FolderMove(string From, string To)
{
    /// <summary>
    /// <paramref name="file"/> (relative) as it was named before the move: below <see cref="To"/> it was below
    /// <see cref="From"/>; any other path is unchanged.
    /// </summary>
    public string Before(string file) =>
        file.Length > To.Length && file[To.Length] == '/' && file.StartsWith(To, StringComparison.Ordinal) ? From + file[To.Length..] : file;

    /// <summary>True when <paramref name="file"/> lies below <see cref="From"/>.</summary>
    public bool Moves(string file) => file.Length > From.Length && file[From.Length] == '/' && file.StartsWith(From, StringComparison.Ordinal);

    /// <summary>True when both names are safe relative paths in the same parent folder (a journal's move is checked so).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsSafe =>
        OwnedFiles.IsSafeRelative(From) && OwnedFiles.IsSafeRelative(To) && From != To
        && Path.GetDirectoryName(From) == Path.GetDirectoryName(To) && !From.StartsWith('.') && !To.StartsWith('.');
}
