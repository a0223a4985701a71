namespace StaticBriefs.Output;

/// <summary>
/// A folder StaticBriefs works in while it writes one output folder: <c>site/</c> (the staging tree), <c>journal</c>
/// (a patch commit in progress) and <c>old/</c> (files a patch replaced, kept until it is done). It lies beside the
/// output folder (<c>.output.staticbriefs-1a2b3c4d</c>), where one rename can swap trees, or inside it
/// (<c>output/.staticbriefs-work-1a2b3c4d</c>) when the output is a mount point or a link, where renames into the
/// output still work. A marker file names the output folder it belongs to: only folders carrying it are ever
/// removed as leftovers, so a <c>.output.backup-2024</c> beside the output is never touched.
/// </summary>
internal sealed class WorkFolder
{
    /// <summary>The marker file's name.</summary>
    public const string MarkerName = ".staticbriefs-work";

    /// <summary>The name prefix of work folders inside an output folder.</summary>
    public const string InsidePrefix = ".staticbriefs-work-";

    private WorkFolder(string path, bool inside)
    {
        Path = path;
        Inside = inside;
    }

    public string Path { get; }

    /// <summary>True when the folder lies inside the output folder.</summary>
    public bool Inside { get; }

    public string Name => System.IO.Path.GetFileName(Path);

    public string Site => System.IO.Path.Combine(Path, "site");

    public string Old => System.IO.Path.Combine(Path, "old");

    public string Journal => System.IO.Path.Combine(Path, "journal");

    /// <summary>Creates a new, empty work folder for <paramref name="outputRoot"/> (a real path).</summary>
    public static WorkFolder Create(string outputRoot, bool inside)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var path = inside
            ? System.IO.Path.Combine(outputRoot, InsidePrefix + id)
            : System.IO.Path.Combine(System.IO.Path.GetDirectoryName(outputRoot)!, BesidePrefix(outputRoot) + id);
        Directory.CreateDirectory(path);
        var work = new WorkFolder(path, inside);
        File.WriteAllText(System.IO.Path.Combine(path, MarkerName), MarkerText(outputRoot));
        Directory.CreateDirectory(work.Site);
        return work;
    }

    /// <summary>The work folder called <paramref name="name"/> of <paramref name="outputRoot"/>, if it exists and carries the marker.</summary>
    public static WorkFolder? Named(string outputRoot, string name) =>
        FindAll(outputRoot).FirstOrDefault(w => w.Name == name);

    /// <summary>Every work folder of <paramref name="outputRoot"/> (beside and inside) that carries its marker.</summary>
    public static List<WorkFolder> FindAll(string outputRoot)
    {
        var found = new List<WorkFolder>();
        var parent = System.IO.Path.GetDirectoryName(outputRoot);
        if (parent is not null) Collect(parent, BesidePrefix(outputRoot), outputRoot, inside: false, found);
        Collect(outputRoot, InsidePrefix, outputRoot, inside: true, found);
        return found;
    }

    /// <summary>Removes the whole folder; links inside are removed as links.</summary>
    public void Delete() => OutputTree.Delete(Path);

    private static void Collect(string folder, string prefix, string outputRoot, bool inside, List<WorkFolder> found)
    {
        if (OutputTree.KindOf(folder) != EntryKind.Folder) return;
        foreach (var (name, kind) in OutputTree.Entries(folder))
        {
            if (kind != EntryKind.Folder || !name.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var path = System.IO.Path.Combine(folder, name);
            var marker = System.IO.Path.Combine(path, MarkerName);
            if (OutputTree.KindOf(marker) != EntryKind.File) continue;
            string text;
            try
            {
                text = File.ReadAllText(marker);
            }
            catch (IOException)
            {
                continue;
            }
            if (text == MarkerText(outputRoot)) found.Add(new WorkFolder(path, inside));
        }
    }

    private static string BesidePrefix(string outputRoot) => "." + System.IO.Path.GetFileName(outputRoot) + ".staticbriefs-";

    private static string MarkerText(string outputRoot) => "StaticBriefs work folder for " + outputRoot + "\n";
}
