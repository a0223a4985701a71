using System.Collections.Concurrent;

namespace StaticBriefs.Diagnostics;

/// <summary>
/// Collects diagnostics from every stage (safely from parallel workers), so one run reports every problem.
/// </summary>
/// <remarks>
/// A build makes a bag for each document it loads, resolves and renders (so one document's findings can be cached
/// with it), and nearly all stay empty: the queue is made on the first diagnostic, and an empty bag sorts to nothing
/// without allocating. Empty bags and their sorts were 25 MiB of a cached 10,000-brief build's 490 MiB (allocation samples).
/// </remarks>
public sealed class DiagnosticBag
{
    private ConcurrentQueue<Diagnostic>? _items;

    private ConcurrentQueue<Diagnostic> Items =>
        Volatile.Read(ref _items) ?? Interlocked.CompareExchange(ref _items, new ConcurrentQueue<Diagnostic>(), null) ?? _items!;

    /// <summary>Adds an error.</summary>
    public void Error(string file, int line, string code, string message, int column = 0) =>
        Items.Enqueue(new Diagnostic(Severity.Error, file, line, column, code, message));

    /// <summary>Adds a warning.</summary>
    public void Warning(string file, int line, string code, string message, int column = 0) =>
        Items.Enqueue(new Diagnostic(Severity.Warning, file, line, column, code, message));

    /// <summary>Adds a diagnostic as is.</summary>
    public void Add(Diagnostic diagnostic) => Items.Enqueue(diagnostic);

    /// <summary>True when any error was reported.</summary>
    public bool HasErrors => Volatile.Read(ref _items) is { } items && items.Any(d => d.Severity == Severity.Error);

    /// <summary>
    /// All diagnostics in a stable order (file, line, column, code, message), whatever order workers reported them in;
    /// diagnostics equal in all five keep the order they were added in.
    /// </summary>
    public IReadOnlyList<Diagnostic> Sorted()
    {
        if (Volatile.Read(ref _items) is not { IsEmpty: false } items) return Array.Empty<Diagnostic>();
        var found = items.ToArray();
        if (found.Length == 1) return found;
        var order = new int[found.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) => Compare(found[a], found[b]) is var c and not 0 ? c : a.CompareTo(b));
        var sorted = new Diagnostic[found.Length];
        for (var i = 0; i < order.Length; i++) sorted[i] = found[order[i]];
        return sorted;
    }

    private static int Compare(Diagnostic x, Diagnostic y)
    {
        var c = string.CompareOrdinal(x.File, y.File);
        if (c == 0) c = x.Line.CompareTo(y.Line);
        if (c == 0) c = x.Column.CompareTo(y.Column);
        if (c == 0) c = string.CompareOrdinal(x.Code, y.Code);
        return c != 0 ? c : string.CompareOrdinal(x.Message, y.Message);
    }
}
