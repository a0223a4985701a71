using System.Text.Json;
using System.Text.Json.Serialization;

namespace StaticBriefs.Output;

/// <summary>
/// What a commit in progress is doing, written before its first change to the output folder and removed after its
/// last, so the next run can finish or undo it before anything else. A swap keeps it at the root of the new tree
/// (<see cref="InTreeName"/>): where it is found tells whether the trees were exchanged. A patch keeps it in its work
/// folder, with the files it removes. A work folder holding files that could not be moved back into the output keeps
/// a <c>stranded</c> journal, so it is never removed as a leftover.
/// </summary>
/// <param name="Mode"><c>swap</c>, <c>patch</c> or <c>stranded</c>.</param>
/// <param name="Work">The work folder's name.</param>
/// <param name="Clean">Files StaticBriefs did not write are removed too (<c>--clean-output</c>).</param>
/// <param name="Stale">Patch: files of the old site the new one no longer has, relative to the output folder.</param>
/// <param name="Carried">Swap: foreign entries moved from the output into the new tree before the exchange.</param>
/// <param name="Moves">Patch: folders renamed before the files move in (none in a journal older than moves).</param>
internal sealed record CommitJournal(
    string Mode, string Work, bool Clean, IReadOnlyList<string> Stale, IReadOnlyList<string> Carried, IReadOnlyList<FolderMove>? Moves = null)
{
    /// <summary>The swap journal's name at the root of the tree being swapped in.</summary>
    public const string InTreeName = ".staticbriefs-commit";

    public const string Swap = "swap";
    public const string Patch = "patch";
    public const string Stranded = "stranded";

    /// <summary>Writes the journal whole or not at all (temporary file, then rename).</summary>
    public void Write(string path)
    {
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(this, OutputJsonContext.Default.CommitJournal));
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The journal at <paramref name="path"/>, or null when there is none or it cannot be read.</summary>
    public static CommitJournal? Read(string path)
    {
        if (OutputTree.KindOf(path) != EntryKind.File) return null;
        try
        {
            var journal = JsonSerializer.Deserialize(File.ReadAllBytes(path), OutputJsonContext.Default.CommitJournal);
            return journal is { Mode: Swap or Patch or Stranded, Work.Length: > 0, Stale: not null, Carried: not null }
                && journal.Stale.All(OwnedFiles.IsSafeRelative) && journal.Carried.All(OwnedFiles.IsSafeRelative)
                && (journal.Moves ?? []).All(move => move is { IsSafe: true }) ? journal : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>Source-generated JSON for the commit journal (no serializer built by reflection at run time).</summary>
[JsonSerializable(typeof(CommitJournal))]
internal sealed partial class OutputJsonContext : JsonSerializerContext;
