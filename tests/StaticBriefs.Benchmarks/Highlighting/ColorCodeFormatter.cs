using System.Text;
using ColorCode;
using ColorCode.Parsing;

namespace StaticBriefs.Benchmarks.Highlighting;

/// <summary>
/// ColorCode's tokens written in the format StaticBriefs writes (Pygments classes, no wrapper), so the two
/// highlighters' output sizes compare token choice rather than class-name length. Nested scopes are written as their
/// outer scope, as one span.
/// </summary>
internal sealed class ColorCodeFormatter : CodeColorizerBase
{
    private readonly StringBuilder _html = new();

    public ColorCodeFormatter() : base(null, null)
    {
    }

    /// <summary>ColorCode's language for a StaticBriefs fence name, or null when ColorCode has none (C goes to C++).</summary>
    public static ILanguage? LanguageFor(string name) => name switch
    {
        "c" or "cpp" => Languages.Cpp,
        "csharp" => Languages.CSharp,
        "css" => Languages.Css,
        "html" => Languages.Html,
        "javascript" => Languages.JavaScript,
        "typescript" => Languages.Typescript,
        "json" => Languages.FindById("json"),
        "powershell" => Languages.PowerShell,
        "python" => Languages.FindById("python"),
        "sql" => Languages.Sql,
        "java" => Languages.Java,
        "php" => Languages.Php,
        _ => null,
    };

    public string Format(string code, ILanguage language)
    {
        _html.Clear();
        languageParser.Parse(code, language, Write);
        return _html.ToString();
    }

    protected override void Write(string parsedSourceCode, IList<Scope> scopes)
    {
        var position = 0;
        foreach (var scope in scopes.OrderBy(s => s.Index))
        {
            if (scope.Index < position) continue;
            Escape(parsedSourceCode.AsSpan(position, scope.Index - position));
            var name = ClassOf(scope.Name);
            if (name is not null) _html.Append("<span class=\"").Append(name).Append("\">");
            Escape(parsedSourceCode.AsSpan(scope.Index, scope.Length));
            if (name is not null) _html.Append("</span>");
            position = scope.Index + scope.Length;
        }
        Escape(parsedSourceCode.AsSpan(position));
    }

    private static string? ClassOf(string scope) =>
        scope.Contains("Comment", StringComparison.Ordinal) ? "c"
        : scope.Contains("String", StringComparison.Ordinal) || scope.Contains("Value", StringComparison.Ordinal) ? "s"
        : scope.Contains("Keyword", StringComparison.Ordinal) || scope.Contains("Preprocessor", StringComparison.Ordinal) ? "k"
        : scope.Contains("Number", StringComparison.Ordinal) ? "m"
        : scope.Contains("ClassName", StringComparison.Ordinal) || scope.Contains("Type", StringComparison.Ordinal) ? "nc"
        : scope.Contains("Attribute Name", StringComparison.Ordinal) ? "na"
        : scope.Contains("Name", StringComparison.Ordinal) || scope.Contains("Selector", StringComparison.Ordinal) || scope.Contains("Key", StringComparison.Ordinal) ? "nt"
        : scope.Contains("Variable", StringComparison.Ordinal) ? "nv"
        : scope.Contains("Command", StringComparison.Ordinal) || scope.Contains("Function", StringComparison.Ordinal) ? "nb"
        : null;

    private void Escape(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '<' => _html.Append("&lt;"),
                '>' => _html.Append("&gt;"),
                '&' => _html.Append("&amp;"),
                '"' => _html.Append("&quot;"),
                _ => _html.Append(c),
            };
        }
    }
}
