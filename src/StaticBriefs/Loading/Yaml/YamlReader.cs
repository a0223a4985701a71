using StaticBriefs.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StaticBriefs.Loading.Yaml;

/// <summary>
/// Reads the YAML of front matter, <c>_data/*.yml</c> and <c>_site.yml</c> the same way: through
/// <see cref="LimitedParser"/>, with every failure (syntax, limit, anything YamlDotNet throws) turned into one
/// diagnostic at the file's line and column. Nothing a YAML text contains can crash the build.
/// </summary>
public static class YamlReader
{
    /// <summary>
    /// Parses <paramref name="text"/> (which starts on line <paramref name="firstLine"/> of <paramref name="file"/>);
    /// <paramref name="root"/> is the first document's root node, or null for an empty text. False after reporting:
    /// syntax errors as <paramref name="syntaxCode"/>, limits as SB037, keys that are not text as SB038.
    /// </summary>
    public static bool TryLoad(string text, string file, int firstLine, string syntaxCode, string subject,
        DiagnosticBag diagnostics, out YamlNode? root) =>
        TryRead(text, file, firstLine, syntaxCode, subject, diagnostics, parser =>
        {
            var stream = new YamlStream();
            stream.Load(parser);
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }, out root);

    /// <summary>
    /// As <see cref="TryLoad"/>, but <paramref name="read"/> consumes the checked parser events itself (front matter
    /// builds its own values from them, so a key written twice can be a warning instead of YamlDotNet's exception).
    /// Anything <paramref name="read"/> throws from YamlDotNet's family is reported the same way.
    /// </summary>
    internal static bool TryRead<T>(string text, string file, int firstLine, string syntaxCode, string subject,
        DiagnosticBag diagnostics, Func<IParser, T> read, out T? result)
    {
        result = default;
        try
        {
            result = read(new LimitedParser(new Parser(new StringReader(text))));
            return true;
        }
        catch (YamlLimitException ex)
        {
            Report(ex.Start, file, firstLine, ex.Code, ex.Reason, diagnostics);
        }
        catch (YamlException ex)
        {
            var reason = Simplify(ex.InnerException?.Message ?? ex.Message);
            var at = reason.Contains("tab", StringComparison.OrdinalIgnoreCase) ? LeadingTab(text, ex.Start) : ex.Start;
            Report(at, file, firstLine, syntaxCode, $"{subject} not valid YAML ({reason}); {YamlAdvice.For(reason)}", diagnostics);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException
            or OverflowException or IndexOutOfRangeException or NotSupportedException)
        {
            // YamlDotNet's own guards on input it did not expect: still the author's text, still a position we know.
            diagnostics.Error(file, firstLine, syntaxCode,
                $"{subject} not readable as YAML ({Simplify(ex.Message)}); check quoting and indentation", 1);
        }
        return false;
    }

    /// <summary>
    /// YamlDotNet places a tab used as indentation at the mapping that holds it; the author has to change the line with
    /// the tab, so point there (the first line from <paramref name="from"/> on whose indentation has a tab).
    /// </summary>
    private static Mark LeadingTab(string text, Mark from)
    {
        var lines = text.Split('\n');
        for (var i = (int)Math.Max(0, from.Line - 1); i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indent);
            if (tab >= 0) return new Mark(0, i + 1, tab + 1);
        }
        return from;
    }

    private static void Report(Mark start, string file, int firstLine, string code, string message, DiagnosticBag diagnostics)
    {
        var line = firstLine + (int)Math.Max(1, start.Line) - 1;
        diagnostics.Error(file, line, code, message, (int)Math.Max(1, start.Column));
    }

    /// <summary>YamlDotNet prefixes messages with "(Line: 3, Col: 1, Idx: ..) - (...)": the location is already ours.</summary>
    internal static string Simplify(string message)
    {
        var marker = message.LastIndexOf("): ", StringComparison.Ordinal);
        return (marker >= 0 ? message[(marker + 3)..] : message).Trim().TrimEnd('.');
    }
}
