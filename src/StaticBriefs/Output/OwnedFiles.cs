using System.Text;

namespace StaticBriefs.Output;

/// <summary>
/// The files StaticBriefs wrote into an output folder, listed in <c>.staticbriefs-manifest</c> at its root. It is
/// both the marker that the folder is a StaticBriefs output and the ownership record: a build replaces and removes
/// only the files listed there, and keeps every other file (<c>CNAME</c>, <c>.git/</c>, notes). One path a line,
/// ordinal order, so a clean and a cached build of the same site write the same bytes.
/// </summary>
internal sealed class OwnedFiles
{
    /// <summary>The manifest's name at the root of the output folder.</summary>
    public const string FileName = ".staticbriefs-manifest";

    private const string Header = "# StaticBriefs output manifest 1";
    private const string Explanation =
        "# The files below were written by StaticBriefs; its next build replaces or removes them and keeps every other file.";

    private readonly HashSet<string> _files;
    private HashSet<string>? _folders;

    public OwnedFiles(IEnumerable<string> files) => _files = new HashSet<string>(files, StringComparer.Ordinal);

    public int Count => _files.Count;

    public IReadOnlySet<string> Files => _files;

    public bool Contains(string file) => _files.Contains(file);

    /// <summary>True when some owned file lies below <paramref name="folder"/> (relative, no trailing '/').</summary>
    public bool HasFolder(string folder)
    {
        if (_folders is null)
        {
            var folders = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in _files)
            {
                for (var cut = file.LastIndexOf('/'); cut > 0 && folders.Add(file[..cut]); cut = file.LastIndexOf('/', cut - 1)) { }
            }
            _folders = folders;
        }
        return _folders.Contains(folder);
    }

    /// <summary>Same files as <paramref name="other"/>.</summary>
    public bool SetEquals(IReadOnlyCollection<string> other) => _files.Count == other.Count && _files.SetEquals(other);

    /// <summary>Reads the manifest of <paramref name="outputRoot"/>; null when there is none (or the file is not ours).</summary>
    public static OwnedFiles? Read(string outputRoot)
    {
        var path = Path.Combine(outputRoot, FileName);
        if (OutputTree.KindOf(path) != EntryKind.File) return null;
        using var reader = new StreamReader(path, new UTF8Encoding(false));
        if (reader.ReadLine() != Header) return null;
        var files = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            // A hand-edited or hostile manifest must never name anything outside the folder.
            if (Decode(line) is var file && IsSafeRelative(file)) files.Add(file);
        }
        return new OwnedFiles(files);
    }

    /// <summary>True for a plain relative path below a folder: no leading '/', no empty, '.' or '..' segment.</summary>
    public static bool IsSafeRelative(string path)
    {
        if (path.Length == 0 || path[0] == '/' || path.Contains('\0', StringComparison.Ordinal)) return false;
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or "." or "..") return false;
        }
        return true;
    }

    /// <summary>Writes a manifest listing <paramref name="files"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, IEnumerable<string> files)
    {
        var sorted = files.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        var text = new StringBuilder(sorted.Length * 48);
        text.Append(Header).Append('\n').Append(Explanation).Append('\n');
        foreach (var file in sorted) text.Append(Encode(file)).Append('\n');
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }

    /// <summary>A name may hold any byte but '/' and NUL: line breaks, '%' and a leading '#' are percent-encoded.</summary>
    private static string Encode(string file)
    {
        if (file.AsSpan().IndexOfAny('%', '\n', '\r') < 0 && !file.StartsWith('#')) return file;
        var encoded = file.Replace("%", "%25", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal);
        return encoded.StartsWith('#') ? "%23" + encoded[1..] : encoded;
    }

    private static string Decode(string line)
    {
        if (!line.Contains('%', StringComparison.Ordinal)) return line;
        var builder = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '%' && i + 2 < line.Length && line.AsSpan(i + 1, 2) is var hex
                && int.TryParse(hex, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var code))
            {
                builder.Append((char)code);
                i += 2;
            }
            else
            {
                builder.Append(line[i]);
            }
        }
        return builder.ToString();
    }
}
