using System.Numerics;
using System.Runtime.InteropServices;

namespace StaticBriefs.Search;

/// <summary>
/// One worker's memory of the folded words it has met and their ids in the build's tables (term, typo-dictionary word,
/// verbatim). Counting a document asks it first for every word; only a word the worker has not met goes to the shared
/// concurrent table. It is kept from document to document: the tables only ever grow and never renumber, so an answer
/// stays true for the builder's life, and most of a site's words recur in most briefs.
/// </summary>
/// <remarks>
/// Open addressing over arrays with a hash of the word's characters, because the general dictionary's span lookup
/// went through an interface call for both hashing and comparing, and was a third of counting's time. Past
/// <see cref="MaxWords"/> it starts again empty, so a site of odd vocabularies cannot grow it without bound.
/// </remarks>
internal sealed class WordCache
{
    /// <summary>The most words kept before the cache starts again empty.</summary>
    internal const int MaxWords = 1 << 16;

    // One entry a slot, its hash beside its word and ids: a probe reads one entry, where it read a slot of each of three
    // arrays (keys, hashes, ids), and touches the word's characters only when the hash agrees.
    private Entry[] _entries;
    private int _mask;

    private struct Entry
    {
        public string? Key;
        public int Hash;
        public (int Term, int Word, bool Verbatim) Ids;
    }

    /// <summary>An empty cache.</summary>
    public WordCache()
    {
        const int capacity = 4096;
        _entries = new Entry[capacity];
        _mask = capacity - 1;
    }

    /// <summary>How many words it holds.</summary>
    public int Count { get; private set; }

    /// <summary>The ids of <paramref name="word"/>, when this worker met it; <paramref name="hash"/> is for <see cref="Add"/>.</summary>
    public bool TryGet(ReadOnlySpan<char> word, out int hash, out (int Term, int Word, bool Verbatim) ids)
    {
        hash = Hash(word);
        var entries = _entries;
        for (var slot = hash & _mask; ; slot = (slot + 1) & _mask)
        {
            ref var entry = ref entries[slot];
            if (entry.Key is not { } key) break;
            if (entry.Hash == hash && key.AsSpan().SequenceEqual(word))
            {
                ids = entry.Ids;
                return true;
            }
        }
        ids = default;
        return false;
    }

    /// <summary>Remembers a word not held yet, with the hash <see cref="TryGet"/> gave for it.</summary>
    public void Add(string word, int hash, (int Term, int Word, bool Verbatim) ids)
    {
        if (Count >= MaxWords) Clear();
        else if (2 * (Count + 1) > _entries.Length) Grow();
        Put(word, hash, ids);
        Count++;
    }

    private void Put(string word, int hash, (int Term, int Word, bool Verbatim) ids)
    {
        var slot = hash & _mask;
        while (_entries[slot].Key is not null) slot = (slot + 1) & _mask;
        _entries[slot] = new Entry { Key = word, Hash = hash, Ids = ids };
    }

    private void Grow()
    {
        var entries = _entries;
        _entries = new Entry[2 * entries.Length];
        _mask = _entries.Length - 1;
        foreach (var entry in entries)
        {
            if (entry.Key is { } key) Put(key, entry.Hash, entry.Ids);
        }
    }

    private void Clear()
    {
        Array.Clear(_entries);
        Count = 0;
    }

    /// <summary>Four characters a step, multiplied and folded: words are short, and this runs once a word of every brief.</summary>
    private static int Hash(ReadOnlySpan<char> word)
    {
        var h = (ulong)word.Length * 0x9E3779B97F4A7C15UL;
        var blocks = MemoryMarshal.Cast<char, ulong>(word);
        foreach (var block in blocks) h = BitOperations.RotateLeft((h ^ block) * 0xFF51AFD7ED558CCDUL, 29);
        for (var i = blocks.Length * 4; i < word.Length; i++) h = BitOperations.RotateLeft((h ^ word[i]) * 0xC4CEB9FE1A85EC53UL, 23);
        return (int)(h ^ (h >> 32));
    }
}
