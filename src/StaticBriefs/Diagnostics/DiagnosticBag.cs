using System.Collections.Concurrent;

namespace StaticBriefs.Diagnostics;

/// <summary>
/// Collects diagnostics from every stage (safely from parallel workers), so one run reports every problem.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    /// <summary>Adds an error.</summary>
    public void Error(string file, int line, string code, string message, int column = 0) =>
        _items.Enqueue(new Diagnostic(Severity.Error, file, line, column, code, message));

    /// <summary>Adds a warning.</summary>
    public void Warning(string file, int line, string code, string message, int column = 0) =>
        _items.Enqueue(new Diagnostic(Severity.Warning, file, line, column, code, message));

    /// <summary>Adds a diagnostic as is.</summary>
    public void Add(Diagnostic diagnostic) => _items.Enqueue(diagnostic);

    /// <summary>True when any error was reported.</summary>
    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    /// <summary>All diagnostics in a stable order (file, line, column, code), whatever order workers reported them in.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        _items
            .OrderBy(d => d.File, StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
}
