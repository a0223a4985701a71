using System.Diagnostics;
using System.Globalization;
using Markdig.Syntax;
using StaticBriefs.Rendering.Markdown;
using StaticBriefs.Rendering.Markdown.Highlighting;

namespace StaticBriefs.Benchmarks.Highlighting;

/// <summary>
/// <c>highlight-corpus DIR [--runs N]</c>: every fenced block with a language in the markdown files under DIR (real
/// blogs), highlighted one thread at a time: how many blocks each language has, how many StaticBriefs highlights,
/// and the time per block (first run, with grammar loading, and the median of the later runs).
/// </summary>
internal static class HighlightCorpusCommand
{
    /// <summary>The sample name <see cref="ColorCodeFormatter.LanguageFor"/> knows for a fence name, where ColorCode has that language.</summary>
    private static string ColorCodeName(string language) => language.ToLowerInvariant() switch
    {
        "js" or "javascript" or "node" => "javascript",
        "ts" or "typescript" => "typescript",
        "py" or "python" or "python3" => "python",
        "cs" or "csharp" or "c#" => "csharp",
        "c" or "h" => "c",
        "cpp" or "c++" or "cc" => "cpp",
        "html" or "xml" or "htm" => "html",
        "ps1" or "powershell" or "pwsh" => "powershell",
        var other => other,
    };

    public static int Run(string[] args)
    {
        var runs = BenchArgs.Int(args, "--runs", 5);
        var pipeline = MarkdownPipelineFactory.Create(new MarkdownOptions(false));
        var blocks = new List<(string Language, string[] Lines)>();
        foreach (var file in Directory.EnumerateFiles(args[0], "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".markdown", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            foreach (var block in Markdig.Markdown.Parse(File.ReadAllText(file), pipeline).Descendants<FencedCodeBlock>())
            {
                if (string.IsNullOrEmpty(block.Info)) continue;
                var language = HighlightingCodeBlockRenderer.LanguageOf(block.Info).ToString();
                blocks.Add((language, [.. block.Lines.Lines.Take(block.Lines.Count).Select(l => l.Slice.ToString())]));
            }
        }
        var known = blocks.Where(b => SyntaxHighlighter.Knows(b.Language)).ToList();
        var lines = known.Sum(b => b.Lines.Length);
        var colorCode = blocks.Count(b => ColorCodeFormatter.LanguageFor(ColorCodeName(b.Language)) is not null);
        Console.WriteLine($"{blocks.Count} fenced blocks with a language, {known.Count} highlighted ({lines} lines); ColorCode would cover {colorCode}");
        foreach (var group in blocks.GroupBy(b => b.Language.ToLowerInvariant()).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
            Console.WriteLine($"  {group.Key,-14} {group.Count(),5} {(SyntaxHighlighter.Knows(group.Key) ? "" : "(not highlighted)")}");

        var times = new List<double>();
        var allocated = new List<long>();
        for (var run = 0; run < runs + 1; run++)
        {
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var highlighter = new SyntaxHighlighter(); // a fresh one each run: the first includes loading grammars
            var html = new System.Text.StringBuilder();
            var watch = Stopwatch.StartNew();
            foreach (var (language, code) in known)
            {
                html.Clear();
                highlighter.TryHighlight(language, code, html);
            }
            times.Add(watch.Elapsed.TotalMilliseconds);
            allocated.Add(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
            if (run == 0) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first run (grammars loading): {times[0]:F0} ms, {times[0] * 1000 / Math.Max(1, known.Count):F0} us/block"));
        }
        // The same highlighter again: its grammars are compiled and every line is kept (LineMemo), so this is copying alone.
        var warm = new SyntaxHighlighter();
        var scratch = new System.Text.StringBuilder();
        foreach (var (language, code) in known) warm.TryHighlight(language, code, scratch.Clear());
        var again = Stopwatch.StartNew();
        foreach (var (language, code) in known) warm.TryHighlight(language, code, scratch.Clear());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"again with the same highlighter (grammars compiled, every line kept): {again.Elapsed.TotalMilliseconds:F0} ms"));
        if (BenchArgs.Text(args, "--dump") is { } dump) Dump(known, dump);
        Split(known);
        var later = times.Skip(1).Order().ToList();
        var median = later[later.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"later runs (fresh highlighter each): median {median:F0} ms (min {later[0]:F0}, max {later[^1]:F0}), {median * 1000 / Math.Max(1, known.Count):F0} us/block, {median * 1000 / Math.Max(1, lines):F0} us/line, {allocated.Skip(1).Order().ElementAt(later.Count / 2) / (1024.0 * 1024):F1} MiB allocated (median)"));
        return 0;
    }

    /// <summary>
    /// Per language, one thread, no line copied from a memo: the first pass over its blocks with a fresh grammar set
    /// (loading and compiling the rules its lines reach, and tokenizing) against a second pass with the same set
    /// (tokenizing alone), so the cost of compiling shows apart from the cost of matching.
    /// </summary>
    private static void Split(List<(string Language, string[] Lines)> known)
    {
        var highlighter = new SyntaxHighlighter();
        var html = new System.Text.StringBuilder();
        var (firstTotal, secondTotal) = (0.0, 0.0);
        Console.WriteLine("  language        blocks  lines  first pass (compile + tokenize)  second pass (tokenize)");
        foreach (var group in known.GroupBy(b => LanguageNames.ScopeOf(b.Language)!).OrderByDescending(g => g.Sum(b => b.Lines.Length)))
        {
            var scope = group.Key == LanguageNames.Console ? OwnGrammars.Shell : group.Key;
            var set = highlighter.NewGrammarSet();
            // As the build does: the set's rules compile through its pattern cache.
            using var patterns = set.Patterns.Enter();
            var pass = new double[2];
            for (var round = 0; round < 2; round++)
            {
                var watch = Stopwatch.StartNew();
                var grammar = set.Grammar(scope);
                if (grammar is null) break;
                foreach (var (_, lines) in group)
                {
                    var writer = new SyntaxHighlighter.LineWriter(html.Clear(), Stopwatch.StartNew(), TimeSpan.FromSeconds(10));
                    writer.WriteAll(grammar, lines);
                }
                pass[round] = watch.Elapsed.TotalMilliseconds;
            }
            firstTotal += pass[0];
            secondTotal += pass[1];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {scope,-16} {group.Count(),6} {group.Sum(b => b.Lines.Length),6} {pass[0],12:F0} ms {pass[1],30:F0} ms"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  all languages: first pass {firstTotal:F0} ms, second pass {secondTotal:F0} ms (no line memo)"));
    }

    /// <summary>Writes every block's highlighted HTML to <paramref name="file"/>, in order, to compare highlighters' output.</summary>
    private static void Dump(List<(string Language, string[] Lines)> known, string file)
    {
        var highlighter = new SyntaxHighlighter();
        using var writer = new StreamWriter(file);
        var html = new System.Text.StringBuilder();
        foreach (var (language, lines) in known)
        {
            highlighter.TryHighlight(language, lines, html.Clear());
            writer.Write("=== ");
            writer.WriteLine(language);
            writer.Write(html);
        }
        Console.WriteLine($"wrote the HTML of {known.Count} blocks to {file}");
    }
}
