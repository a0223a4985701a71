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
        DiagnosticBag diagnostics, out YamlNode? root)
    {
        root = null;
        try
        {
            var stream = new YamlStream();
            stream.Load(new LimitedParser(new Parser(new StringReader(text))));
            root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
            return true;
        }
        catch (YamlLimitException ex)
        {
            Report(ex.Start, file, firstLine, ex.Code, ex.Reason, diagnostics);
        }
        catch (YamlException ex)
        {
            var reason = Simplify(ex.InnerException?.Message ?? ex.Message);
            Report(ex.Start, file, firstLine, syntaxCode,
                $"{subject} not valid YAML ({reason}); check quoting and indentation on this line", diagnostics);
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
