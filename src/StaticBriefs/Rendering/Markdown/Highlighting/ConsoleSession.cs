using TextMateSharp.Grammars;

namespace StaticBriefs.Rendering.Markdown.Highlighting;

/// <summary>
/// A shell session as posts show one (<c>```console</c>): a line starting with a prompt (<c>$ </c>, <c># </c>,
/// <c>% </c>, <c>&gt; </c>, <c>PS&gt; </c>) is a command, highlighted as shell after a <c>gp</c> prompt span, and so is a
/// line continuing a command that ended in <c>\</c>; every other line is the command's output (<c>go</c>).
/// This is what Pygments' and Rouge's console lexers do; the grammar package has no such grammar.
/// </summary>
internal static class ConsoleSession
{
    public static void Write(IGrammar shell, IReadOnlyList<string> lines, SyntaxHighlighter.LineWriter writer)
    {
        var continued = false;
        foreach (var line in lines)
        {
            var prompt = continued ? 0 : PromptLength(line);
            if (prompt > 0 || continued)
            {
                if (!continued) writer.Reset();
                writer.Span("gp", line.AsSpan(0, prompt));
                writer.Write(shell, line[prompt..]);
                continued = line.EndsWith('\\');
            }
            else if (line.Length > 0)
            {
                writer.Span("go", line);
            }
            writer.EndLine();
        }
    }

    /// <summary>Length of the prompt at the start of <paramref name="line"/> (with its space), or 0 when there is none.</summary>
    internal static int PromptLength(string line)
    {
        var start = 0;
        while (start < line.Length && line[start] == ' ') start++;
        var rest = line.AsSpan(start);
        if (rest.Length >= 2 && rest[0] is '$' or '#' or '%' or '>' && rest[1] == ' ') return start + 2;
        // PowerShell: "PS> " or "PS C:\work> ".
        if (rest.Length > 3 && rest.StartsWith("PS") && rest[2] is '>' or ' ')
        {
            var end = rest.IndexOf("> ", StringComparison.Ordinal);
            if (end >= 2 && end < 120) return start + end + 2;
        }
        return 0;
    }
}
