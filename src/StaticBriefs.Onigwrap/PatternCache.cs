namespace Onigwrap;

/// <summary>
/// Compiled patterns shared by the scanners made while it is entered on a thread (a StaticBriefs addition, not part of
/// the package's API). TextMateSharp compiles a scanner for each rule, and the rules of one grammar list the same
/// patterns again and again (the OpenTelemetry blog's highlighting compiled each distinct pattern about five times),
/// while compiling was most of highlighting a blog of many languages. A cache belongs to one owner used by one thread at
/// a time (StaticBriefs: a grammar set), so a compiled pattern is never searched by two threads at once; each scanner
/// keeps its own search region and memo, so sharing changes no result. Outside any cache, each scanner compiles its own.
/// </summary>
public sealed class PatternCache
{
    [ThreadStatic]
    private static PatternCache? t_entered;

    private readonly Dictionary<string, NativeRegex.Compiled> _compiled = new(StringComparer.Ordinal);

    /// <summary>How many distinct patterns this cache has compiled.</summary>
    public int Count => _compiled.Count;

    /// <summary>
    /// Makes this cache the one the current thread's new scanners compile through, until the returned scope is disposed
    /// (which restores the one entered before).
    /// </summary>
    public Scope Enter()
    {
        var previous = t_entered;
        t_entered = this;
        return new Scope(previous);
    }

    /// <summary>The compiled form of <paramref name="source"/> (as Oniguruma is given it), through the entered cache if any.</summary>
    internal static NativeRegex.Compiled Compile(string source)
    {
        var cache = t_entered;
        if (cache is null) return NativeRegex.Compiled.From(source);
        if (!cache._compiled.TryGetValue(source, out var compiled)) cache._compiled[source] = compiled = NativeRegex.Compiled.From(source);
        return compiled;
    }

    /// <summary>An entered cache; disposing it puts back the one entered before.</summary>
    public sealed class Scope : IDisposable
    {
        private readonly PatternCache? _previous;

        internal Scope(PatternCache? previous) => _previous = previous;

        /// <inheritdoc/>
        public void Dispose() => t_entered = _previous;
    }
}
