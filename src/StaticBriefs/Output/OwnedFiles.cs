using System.Text;

namespace StaticBriefs.Output;

/// <summary>
/// The files StaticBriefs wrote into an output folder, listed in <c>.staticbriefs-manifest</c> at its root. It is
/// both the marker that the folder is a StaticBriefs output and the ownership record: a build replaces and removes
/// only the files listed there, and keeps every other file (<c>CNAME</c>, <c>.git/</c>, notes). One path a line,
/// ordinal order, so a clean and a cached build of the same site write the same bytes.
/// </summary>
internal sealed class OwnedFiles : IOwnership
{
    /// <summary>The manifest's name at the root of the output folder.</summary>
    public const string FileName = ".staticbriefs-manifest";

    private const string Header = "# StaticBriefs output manifest 1";
    private const string Explanation =
        "# The files below were written by StaticBriefs; its next build replaces or removes them and keeps every other file.";

    private readonly HashSet<string> _files;

    // The same files in ordinal order: the manifest's lines, and where the files below a folder lie side by side.
    private string[] _sorted;
    private int _count;
    private int _version;

    public OwnedFiles(IEnumerable<string> files)
    {
        _files = new HashSet<string>(files, StringComparer.Ordinal);
        _sorted = [.. _files];
        // A manifest read back is in order already: checking costs far less than sorting.
        if (!IsSorted(_sorted)) Array.Sort(_sorted, StringComparer.Ordinal);
        _count = _sorted.Length;
    }

    public int Count => _files.Count;

    public IReadOnlySet<string> Files => _files;

    /// <summary>The files in ordinal order.</summary>
    internal ReadOnlySpan<string> Sorted => _sorted.AsSpan(0, _count);

    /// <summary>Bumped by every change in place, so a change planned against an earlier state is refused.</summary>
    internal int Version => _version;

    public bool Contains(string file) => _files.Contains(file);

    /// <summary>True when some owned file lies below <paramref name="folder"/> (relative, no trailing '/').</summary>
    public bool HasFolder(string folder) => HasPrefix(Sorted, folder + "/");

    /// <summary>Same files as <paramref name="other"/>.</summary>
    public bool SetEquals(IReadOnlyCollection<string> other) => _files.Count == other.Count && _files.SetEquals(other);

    /// <summary>
    /// Plans a change: <paramref name="gone"/> leave (those not owned are ignored), <paramref name="added"/> join (those
    /// owned already are ignored). Nothing changes until <see cref="Apply"/>.
    /// </summary>
    public OwnedFilesChange Change(IEnumerable<string> gone, IEnumerable<string> added) => new(this, gone, added);

    /// <summary>
    /// Makes a planned change in place, without copying the whole list: a partial commit changes a few files of
    /// tens of thousands, and copies that size land on the large-object heap and cost full collections.
    /// </summary>
    public void Apply(OwnedFilesChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Owner != this || change.Version != _version) throw new InvalidOperationException("The change was planned against another state of the owned files.");
        foreach (var index in change.GoneIndices) _files.Remove(_sorted[index]);
        foreach (var file in change.Added) _files.Add(file);
        RemoveAt(change.GoneIndices);
        Insert(change.Added);
        _version++;
    }

    /// <summary>Writes this list as the manifest at <paramref name="path"/>.</summary>
    public void Write(string path) => WriteSorted(path, _sorted.Take(_count));

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
        // Segment by segment over the string (no pieces made: a manifest read back checks 39,000 paths).
        foreach (var range in path.AsSpan().Split('/'))
        {
            if (path.AsSpan(range) is [] or "." or "..") return false;
        }
        return true;
    }

    /// <summary>Writes a manifest listing <paramref name="files"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, IEnumerable<string> files) => new OwnedFiles(files).Write(path);

    /// <summary>Writes a manifest of <paramref name="sorted"/> (distinct, in ordinal order), line by line.</summary>
    internal static void WriteSorted(string path, IEnumerable<string> sorted)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        writer.Write(Header);
        writer.Write('\n');
        writer.Write(Explanation);
        writer.Write('\n');
        foreach (var file in sorted)
        {
            writer.Write(Encode(file));
            writer.Write('\n');
        }
    }

    /// <summary>How many of the files lie below <paramref name="folder"/> (relative, no trailing '/').</summary>
    public int CountUnder(string folder) =>
        // Below "a/b" means from "a/b/" up to "a/b0" ('0' follows '/'): they lie together in ordinal order.
        LowerBound(Sorted, folder + "0") - LowerBound(Sorted, folder + "/");

    /// <summary>The index of the first of <paramref name="sorted"/> not before <paramref name="value"/> in ordinal order.</summary>
    internal static int LowerBound(ReadOnlySpan<string> sorted, string value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (string.CompareOrdinal(sorted[middle], value) < 0) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    /// <summary>True when one of <paramref name="sorted"/> starts with <paramref name="prefix"/> (they lie together, from its lower bound).</summary>
    internal static bool HasPrefix(ReadOnlySpan<string> sorted, string prefix)
    {
        var at = LowerBound(sorted, prefix);
        return at < sorted.Length && sorted[at].StartsWith(prefix, StringComparison.Ordinal);
    }

    private static bool IsSorted(string[] files)
    {
        for (var i = 1; i < files.Length; i++)
        {
            if (string.CompareOrdinal(files[i - 1], files[i]) >= 0) return false;
        }
        return true;
    }

    /// <summary>Closes the gaps of the removed entries (<paramref name="indices"/> ascending), moving runs rather than entries.</summary>
    private void RemoveAt(int[] indices)
    {
        if (indices.Length == 0) return;
        var write = indices[0];
        for (var i = 0; i < indices.Length; i++)
        {
            var from = indices[i] + 1;
            var to = i + 1 < indices.Length ? indices[i + 1] : _count;
            Array.Copy(_sorted, from, _sorted, write, to - from);
            write += to - from;
        }
        Array.Clear(_sorted, write, _count - write);
        _count = write;
    }

    /// <summary>Merges <paramref name="added"/> (sorted, none present) in from the end, so each entry moves once.</summary>
    private void Insert(string[] added)
    {
        if (added.Length == 0) return;
        if (_count + added.Length > _sorted.Length) Array.Resize(ref _sorted, Math.Max(_count + added.Length, _sorted.Length * 2));
        var end = _count;
        for (var j = added.Length - 1; j >= 0; j--)
        {
            var at = LowerBound(_sorted.AsSpan(0, end), added[j]);
            Array.Copy(_sorted, at, _sorted, at + j + 1, end - at);
            _sorted[at + j] = added[j];
            end = at;
        }
        _count += added.Length;
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
