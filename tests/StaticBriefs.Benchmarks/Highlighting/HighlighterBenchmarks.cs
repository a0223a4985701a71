using BenchmarkDotNet.Attributes;
using StaticBriefs.Rendering.Markdown.Highlighting;

namespace StaticBriefs.Benchmarks.Highlighting;

/// <summary>
/// Time per code block for each sample language (<see cref="CodeSamples"/>): TextMateSharp as StaticBriefs uses it
/// (grammar loaded, code to HTML spans) against ColorCode writing the same format; ColorCode returns 0 for the
/// languages it does not have. Part of <c>stages-bdn</c> (<c>--filter '*Highlighter*'</c>).
/// </summary>
[MemoryDiagnoser]
public class HighlighterBenchmarks
{
    private readonly SyntaxHighlighter _textMate = new();
    private readonly ColorCodeFormatter _colorCode = new();
    private string _code = "";
    private ColorCode.ILanguage? _colorCodeLanguage;

    /// <summary>The sample's language.</summary>
    [ParamsSource(nameof(Languages))]
    public string Language { get; set; } = "rust";

    /// <summary>Every sample language.</summary>
    public static IEnumerable<string> Languages => CodeSamples.ByLanguage.Keys;

    /// <summary>Picks the sample and loads both highlighters' grammars for it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _code = CodeSamples.ByLanguage[Language];
        _colorCodeLanguage = ColorCodeFormatter.LanguageFor(Language);
        TextMate();
        ColorCode();
    }

    /// <summary>One block through StaticBriefs' highlighter.</summary>
    [Benchmark(Baseline = true)]
    public int TextMate() => _textMate.Highlight(Language, _code)?.Length ?? 0;

    /// <summary>One block through ColorCode, when it has the language.</summary>
    [Benchmark]
    public int ColorCode() => _colorCodeLanguage is null ? 0 : _colorCode.Format(_code, _colorCodeLanguage).Length;
}
