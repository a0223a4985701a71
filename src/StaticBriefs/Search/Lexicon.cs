namespace StaticBriefs.Search;

/// <summary>
/// The strings the kept token sets name (terms and dictionary words), each once, by a number that never changes while
/// the lexicon lives: a kept token set holds numbers into it, not strings. A cached build reads every brief's token
/// set; as strings that was millions of small strings made and looked up again one by one (with the collections they
/// caused, most of reading the cache). Only grows. Thread-safe.
/// </summary>
internal sealed class Lexicon
{
    private readonly List<string> _strings;
    private readonly Dictionary<string, int> _ids;
    private readonly Lock _gate = new();

    /// <summary>An empty lexicon.</summary>
    public Lexicon()
    {
        _strings = [];
        _ids = new(StringComparer.Ordinal);
    }

    /// <summary>A lexicon read back: <paramref name="strings"/> in their numbers' order, each once.</summary>
    /// <exception cref="InvalidDataException">A string appears twice (a damaged file).</exception>
    public Lexicon(IReadOnlyList<string> strings)
    {
        _strings = new(strings);
        _ids = new(strings.Count, StringComparer.Ordinal);
        for (var i = 0; i < strings.Count; i++)
        {
            if (!_ids.TryAdd(strings[i], i)) throw new InvalidDataException("a lexicon string appears twice");
        }
    }

    /// <summary>How many strings it holds; numbers run from 0 to one less.</summary>
    public int Count
    {
        get
        {
            lock (_gate) return _strings.Count;
        }
    }

    /// <summary>The string numbered <paramref name="id"/>.</summary>
    public string this[int id]
    {
        get
        {
            lock (_gate) return _strings[id];
        }
    }

    /// <summary>The number of <paramref name="text"/>, given it the next one when it is new.</summary>
    public int IdOf(string text)
    {
        lock (_gate)
        {
            if (_ids.TryGetValue(text, out var id)) return id;
            id = _strings.Count;
            _strings.Add(text);
            _ids[text] = id;
            return id;
        }
    }

    /// <summary>Every string in number order, as it stands now.</summary>
    public string[] Snapshot()
    {
        lock (_gate) return [.. _strings];
    }
}
