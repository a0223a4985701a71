namespace StaticBriefs.Output;

/// <summary>What StaticBriefs owns in an output folder, as a tree walk asks it.</summary>
internal interface IOwnership
{
    /// <summary>True when <paramref name="file"/> (relative, '/') is owned.</summary>
    bool Contains(string file);

    /// <summary>True when some owned file lies below <paramref name="folder"/> (relative, no trailing '/').</summary>
    bool HasFolder(string folder);
}

/// <summary>
/// A planned change of <see cref="OwnedFiles"/> by a partial commit: the few files that leave and join, with the
/// questions the commit asks of the list after it (its manifest lines, its folders) answered from the list before it
/// and the change, so nothing of the size of the whole list is copied. <see cref="OwnedFiles.Apply"/> then makes it.
/// </summary>
internal sealed class OwnedFilesChange
{
    internal OwnedFilesChange(OwnedFiles owner, IEnumerable<string> gone, IEnumerable<string> added)
    {
        Owner = owner;
        Version = owner.Version;
        var sorted = owner.Sorted;
        var leaving = new HashSet<string>(gone, StringComparer.Ordinal);
        var indices = new List<int>(leaving.Count);
        if (leaving.Count > sorted.Length / 16)
        {
            // Many leave (a search index version's 12,000 files): one pass down the list finds them in order, where a
            // binary search each, over paths that share their first twenty characters, was a fifth of the commit.
            for (var i = 0; i < sorted.Length; i++)
            {
                if (leaving.Contains(sorted[i])) indices.Add(i);
            }
        }
        else
        {
            foreach (var file in leaving)
            {
                if (owner.Contains(file)) indices.Add(OwnedFiles.LowerBound(sorted, file));
            }
            indices.Sort();
        }
        GoneIndices = [.. indices];
        var joining = added.Where(f => !owner.Contains(f)).Distinct(StringComparer.Ordinal).ToArray();
        Array.Sort(joining, StringComparer.Ordinal);
        Added = joining;
    }

    internal OwnedFiles Owner { get; }

    internal int Version { get; }

    /// <summary>Where the leaving files stand in the owner's sorted list, ascending.</summary>
    internal int[] GoneIndices { get; }

    /// <summary>The joining files, in ordinal order.</summary>
    internal string[] Added { get; }

    /// <summary>True when the owned files stay as they are.</summary>
    public bool IsEmpty => GoneIndices.Length == 0 && Added.Length == 0;

    /// <summary>The owned files that leave.</summary>
    public IEnumerable<string> Gone
    {
        get
        {
            foreach (var index in GoneIndices) yield return Owner.Sorted[index];
        }
    }

    /// <summary>The owned files after the change, in ordinal order (a merge: the manifest's lines).</summary>
    public IEnumerable<string> After()
    {
        var (gone, added) = (0, 0);
        for (var i = 0; i < Owner.Sorted.Length; i++)
        {
            var file = Owner.Sorted[i];
            if (gone < GoneIndices.Length && GoneIndices[gone] == i)
            {
                gone++;
                continue;
            }
            while (added < Added.Length && string.CompareOrdinal(Added[added], file) < 0) yield return Added[added++];
            yield return file;
        }
        while (added < Added.Length) yield return Added[added++];
    }

    /// <summary>True when some file owned after the change lies below <paramref name="folder"/>.</summary>
    public bool HasFolderAfter(string folder)
    {
        var prefix = folder + "/";
        if (OwnedFiles.HasPrefix(Added, prefix)) return true;
        var sorted = Owner.Sorted;
        for (var i = OwnedFiles.LowerBound(sorted, prefix); i < sorted.Length && sorted[i].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            if (Array.BinarySearch(GoneIndices, i) < 0) return true;
        }
        return false;
    }

    /// <summary>Files owned before or after the change: what a clean-output walk must not count as foreign.</summary>
    public IOwnership Either => new OwnershipUnion(Owner, new OwnedFiles(Added));
}

/// <summary>Files owned by either of two lists (the old site's and the new one's, while a commit moves from one to the other).</summary>
internal sealed class OwnershipUnion(IOwnership first, IOwnership second) : IOwnership
{
    public bool Contains(string file) => first.Contains(file) || second.Contains(file);

    public bool HasFolder(string folder) => first.HasFolder(folder) || second.HasFolder(folder);
}
