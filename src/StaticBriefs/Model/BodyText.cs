using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace StaticBriefs.Model;

/// <summary>
/// A document's markdown body: its text, or a way to read it when first asked for. A document taken from the build
/// cache keeps where its body is in the cache's pack rather than the text: a build that plans from its last state reads
/// the bodies of the few briefs it renders again, not the site's megabytes of markdown. Read once, the text is kept.
/// A body left in the cache comes with the hash of its text (<see cref="Hash"/>), so what was rendered from it can be
/// found without reading it. Two bodies are equal when their hashes are.
/// </summary>
public sealed class BodyText : IEquatable<BodyText>
{
    private readonly object _gate = new();
    private string? _text;
    private ReadOnlyMemory<char> _slice;
    private Func<string>? _read;
    private string? _hash;
    private readonly bool _keep = true;

    /// <summary>The empty body.</summary>
    public static BodyText Empty { get; } = new("");

    /// <summary>A body whose text is known (its hash is worked out when first asked for).</summary>
    public BodyText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _text = text;
    }

    /// <summary>
    /// A body that is a part of a longer text (the end of its file's): made a string of its own only when its
    /// <see cref="Text"/> is first asked for. A build without the cache hashes and measures each body at load and
    /// reads it from its file again to render it (<c>BodyRead</c>), so the copy was made for nothing: 200 MB of
    /// UTF-16 at 10,000 briefs.
    /// </summary>
    public static BodyText Of(ReadOnlyMemory<char> text)
    {
        if (text.IsEmpty) return Empty;
        if (MemoryMarshal.TryGetString(text, out var whole, out var start, out var length) && start == 0 && length == whole.Length) return new(whole);
        return new BodyText(text);
    }

    private BodyText(ReadOnlyMemory<char> slice) => _slice = slice;

    /// <summary>
    /// A body read by <paramref name="read"/> when first asked for (once, whichever thread asks first), whose text
    /// hashes to <paramref name="hash"/> (<see cref="HashOf(string)"/>).
    /// </summary>
    public BodyText(Func<string> read, string hash)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(hash);
        _read = read;
        _hash = hash;
    }

    /// <summary>
    /// A body read by <paramref name="read"/> each time its text is asked for, and never kept. A build without the cache
    /// renders each brief's body once: keeping every body from load to the end held 10,000 briefs' markdown (UTF-16,
    /// 130-230 MiB of a 760 MiB peak) for nothing. <paramref name="hash"/> is the text's hash (<see cref="HashOf(string)"/>).
    /// </summary>
    public static BodyText ReadEachTime(Func<string> read, string hash)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(hash);
        return new BodyText(read, hash, keep: false);
    }

    private BodyText(Func<string> read, string hash, bool keep) : this(read, hash) => _keep = keep;

    /// <summary>The hash of the text (<see cref="HashOf(string)"/>), known without reading a body left in the cache.</summary>
    public string Hash => Volatile.Read(ref _hash) ?? (_hash = Span() is { IsEmpty: false } atHand ? HashOf(atHand) : HashOf(Text));

    /// <summary>The text when it is at hand (given, kept, or a part of a longer text), else empty.</summary>
    private ReadOnlySpan<char> Span()
    {
        lock (_gate) return _text is { } text ? text.AsSpan() : _slice.Span;
    }

    /// <summary>
    /// The text's length in UTF-16 code units and in UTF-8 bytes, measured where it is at hand (a part of a longer
    /// text is not copied for it), else read.
    /// </summary>
    internal (int Chars, int Utf8Bytes) Measure()
    {
        var text = Span();
        if (text.IsEmpty) text = Text;
        return (text.Length, System.Text.Encoding.UTF8.GetByteCount(text));
    }

    /// <summary>A text's hash: 128 bits (XxHash128) of its UTF-16 code units, as 32 hex digits.</summary>
    public static string HashOf(string text) => HashOf(text.AsSpan());

    /// <summary>The hash of <paramref name="text"/>, as <see cref="HashOf(string)"/>.</summary>
    public static string HashOf(ReadOnlySpan<char> text) => Convert.ToHexStringLower(XxHash128.Hash(MemoryMarshal.AsBytes(text)));

    /// <summary>The markdown.</summary>
    public string Text
    {
        get
        {
            if (Volatile.Read(ref _text) is { } text) return text;
            if (!_keep) return _read!();
            lock (_gate)
            {
                if (_text is null)
                {
                    Volatile.Write(ref _text, _read is { } read ? read() : _slice.ToString());
                    _read = null;
                    _slice = default;
                }
                return _text;
            }
        }
    }

    /// <summary>True once the text is in memory (given, a part of a longer text, or read and kept).</summary>
    public bool IsRead
    {
        get
        {
            lock (_gate) return _text is not null || !_slice.IsEmpty;
        }
    }

    /// <inheritdoc/>
    public bool Equals(BodyText? other) =>
        other is not null && (ReferenceEquals(this, other) || string.Equals(Hash, other.Hash, StringComparison.Ordinal));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as BodyText);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Hash);

    /// <inheritdoc/>
    public override string ToString() => Text;
}
