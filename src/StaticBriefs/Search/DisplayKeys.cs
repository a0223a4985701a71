using System.Buffers.Binary;
using System.Collections.Immutable;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace StaticBriefs.Search;

/// <summary>
/// The key of a display file (<see cref="DocChunkWriter"/>, see <see cref="KnownFiles"/>): a hash of everything its
/// bytes are written from, the briefs' fields and, beside each value, the list of briefs carrying it where the file
/// embeds it. Each list is hashed once a write: a popular value's list rides in hundreds of files. One thread.
/// </summary>
/// <param name="facets">The lists the files embed; null when they embed none.</param>
internal sealed class DisplayKeys(FacetLists? facets)
{
    private readonly XxHash128 _hash = new();
    private readonly Dictionary<(int Kind, string Key), UInt128> _lists = [];
    private readonly HashSet<(int, string)> _embedded = [];
    private readonly byte[] _number = new byte[16];

    /// <summary>The key of the file holding <paramref name="documents"/> (in id order).</summary>
    public UInt128 Of(ReadOnlySpan<IndexedDocument> documents)
    {
        _hash.Reset();
        _embedded.Clear();
        Number(documents.Length);
        Number(facets is null ? 0 : 1);
        foreach (var document in documents)
        {
            Number(document.Id);
            Text(document.Path);
            Text(document.Title);
            // Written as yyyy-MM-dd of the date's own clock.
            Number(document.Date.Year);
            Number(document.Date.Month);
            Number(document.Date.Day);
            Text(document.Summary);
            Text(document.Excerpt);
            Names(document.Companies, 0);
            Names(document.People, 1);
            Names(document.Topics, 2);
            Names(document.Verbs, FacetLists.VerbKind);
        }
        return _hash.GetCurrentHashAsUInt128();
    }

    /// <summary>The names and, as the file writes them, each value's list the first time the file meets the value.</summary>
    private void Names(ImmutableArray<string> names, int kind)
    {
        Number(names.Length);
        foreach (var name in names)
        {
            Text(name);
            if (facets is null) continue;
            var key = facets.KeyOf(name);
            if (!_embedded.Add((kind, key)))
            {
                Number(0);
                continue;
            }
            ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(_lists, (kind, key), out var known);
            if (!known) list = XxHash128.HashToUInt128(MemoryMarshal.AsBytes(facets.EmbeddedListOfKey(kind, key).AsSpan()));
            Number(1);
            BinaryPrimitives.WriteUInt128LittleEndian(_number, list);
            _hash.Append(_number);
        }
    }

    private void Number(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_number, value);
        _hash.Append(_number.AsSpan(0, sizeof(int)));
    }

    private void Text(string value)
    {
        Number(value.Length);
        _hash.Append(MemoryMarshal.AsBytes(value.AsSpan()));
    }
}
