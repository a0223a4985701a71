using System.Text.Json;

namespace StaticBriefs.Output;

/// <summary>
/// What a commit in progress is doing, written before its first change to the output folder and removed after its
/// last, so the next run can finish it (roll forward) before anything else. A swap keeps it at the root of the new
/// tree (<see cref="InTreeName"/>): where it is found tells whether the trees were exchanged. A patch keeps it in
/// its work folder, with the files it removes.
/// </summary>
/// <param name="Mode"><c>swap</c> or <c>patch</c>.</param>
/// <param name="Work">The work folder's name.</param>
/// <param name="Clean">Files StaticBriefs did not write are removed too (<c>--clean-output</c>).</param>
/// <param name="Stale">Patch: files of the old site the new one no longer has, relative to the output folder.</param>
internal sealed record CommitJournal(string Mode, string Work, bool Clean, IReadOnlyList<string> Stale)
{
    /// <summary>The swap journal's name at the root of the tree being swapped in.</summary>
    public const string InTreeName = ".staticbriefs-commit";

    public const string Swap = "swap";
    public const string Patch = "patch";

    /// <summary>Writes the journal whole or not at all (temporary file, then rename).</summary>
    public void Write(string path)
    {
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(this));
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The journal at <paramref name="path"/>, or null when there is none or it cannot be read.</summary>
    public static CommitJournal? Read(string path)
    {
        if (OutputTree.KindOf(path) != EntryKind.File) return null;
        try
        {
            var journal = JsonSerializer.Deserialize<CommitJournal>(File.ReadAllBytes(path));
            return journal is { Mode: Swap or Patch, Work.Length: > 0, Stale: not null } && journal.Stale.All(OwnedFiles.IsSafeRelative) ? journal : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
