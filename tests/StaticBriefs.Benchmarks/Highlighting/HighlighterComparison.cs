using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ColorCode;
using StaticBriefs.Rendering.Markdown.Highlighting;

namespace StaticBriefs.Benchmarks.Highlighting;

/// <summary>
/// <c>highlight-compare</c>: for each sample block, which highlighter covers the language, how many bytes and spans
/// each writes, and a rough time per block (one thread, after warm-up; BenchmarkDotNet's
/// <see cref="HighlighterBenchmarks"/> gives the careful figures), plus the cost of the first block of a language.
/// </summary>
internal static partial class HighlighterComparison
{
    public static int Run(string[] args)
    {
        var rounds = BenchArgs.Int(args, "--rounds", 200);
        var textMate = new SyntaxHighlighter();
        var colorCode = new ColorCodeFormatter();
        var colorCodeHtml = new HtmlClassFormatter();
        Console.WriteLine("| language | lines | code bytes | TextMate bytes (spans) | ColorCode bytes (spans) | ColorCode's own HTML | TextMate us/block | ColorCode us/block | TextMate first block ms |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (language, code) in CodeSamples.ByLanguage)
        {
            var first = Stopwatch.StartNew();
            var tm = textMate.Highlight(language, code) ?? "";
            var firstMs = first.Elapsed.TotalMilliseconds;
            var ccLanguage = ColorCodeFormatter.LanguageFor(language);
            var cc = ccLanguage is null ? null : colorCode.Format(code, ccLanguage);
            var ccOwn = ccLanguage is null ? null : colorCodeHtml.GetHtmlString(code, ccLanguage);
            var tmTime = Time(rounds, () => textMate.Highlight(language, code));
            var ccTime = ccLanguage is null ? (double?)null : Time(rounds, () => colorCode.Format(code, ccLanguage));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {language} | {code.Split('\n').Length} | {code.Length} | {tm.Length} ({Spans(tm)}) | {(cc is null ? "not covered" : $"{cc.Length} ({Spans(cc)})")} | {(ccOwn is null ? "-" : ccOwn.Length.ToString(CultureInfo.InvariantCulture))} | {tmTime:F0} | {(ccTime is { } t ? t.ToString("F0", CultureInfo.InvariantCulture) : "-")} | {firstMs:F1} |"));
        }
        return 0;
    }

    private static double Time(int rounds, Action action)
    {
        for (var i = 0; i < Math.Max(10, rounds / 10); i++) action();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++) action();
        return watch.Elapsed.TotalMicroseconds / rounds;
    }

    private static int Spans(string html) => SpanPattern().Count(html);

    [GeneratedRegex("<span ")]
    private static partial Regex SpanPattern();
}
