using System.Text.RegularExpressions;

namespace StaticBriefs.Authoring;

/// <summary>
/// Splits plain text (as pasted from a chat tool or a mail) into headings, section labels, bullets and paragraphs.
/// One line is one paragraph unless it stops mid-sentence, so both one-line-per-paragraph and hard-wrapped text work.
/// </summary>
internal static partial class TextBlockReader
{
    private const int MaxLabelLength = 60;
    private const int MaxLabelWords = 8;

    private static readonly HashSet<string> SummaryMarkers = new(StringComparer.OrdinalIgnoreCase)
    {
        "executive summary", "summary", "tl;dr", "tldr", "key takeaways", "key points", "at a glance", "in brief", "highlights",
    };

    [GeneratedRegex(@"^(#{1,6})\s+(.*?)\s*#*$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"^\s*(?:[-*+\u2022\u2023\u25E6\u25AA\u2013\u2014]|\d{1,2}[.)])\s+(.*)$")]
    private static partial Regex BulletPattern();

    /// <summary>The blocks of a text, in order.</summary>
    public static List<TextBlock> Read(string text)
    {
        var blocks = new List<TextBlock>();
        var lines = text.Replace("\uFEFF", "", StringComparison.Ordinal).ReplaceLineEndings("\n").Split('\n');
        var afterBlank = true;
        var previousLine = "";
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                afterBlank = true;
                continue;
            }
            var continues = !afterBlank && blocks.Count > 0 && blocks[^1].Kind == TextBlockKind.Paragraph
                && !PlainText.EndsSentence(blocks[^1].Text);
            var labelWrapped = !afterBlank && blocks.Count > 0 && blocks[^1].Kind == TextBlockKind.Label && char.IsLower(line[0]);
            afterBlank = false;
            var before = previousLine;
            previousLine = line;
            if (labelWrapped)
            {
                // A short line followed at once by a lower-case one was the start of a wrapped sentence, not a title.
                blocks[^1] = new TextBlock(TextBlockKind.Paragraph, before + " " + line);
                continue;
            }
            if (HeadingPattern().Match(line) is { Success: true } heading)
            {
                blocks.Add(new TextBlock(TextBlockKind.Heading, PlainText.StripDecoration(heading.Groups[2].Value)));
                continue;
            }
            var clean = PlainText.StripDecoration(line).TrimEnd(':').Trim();
            if (SummaryMarkers.Contains(clean))
            {
                blocks.Add(new TextBlock(TextBlockKind.SummaryMarker, clean));
                continue;
            }
            if (BulletPattern().Match(line) is { Success: true } bullet)
            {
                blocks.Add(new TextBlock(TextBlockKind.Bullet, bullet.Groups[1].Value.Trim()));
                continue;
            }
            if (continues)
            {
                // A hard-wrapped line: the previous one stopped mid-sentence.
                blocks[^1] = blocks[^1] with { Text = blocks[^1].Text + " " + line };
                continue;
            }
            blocks.Add(IsLabel(clean)
                ? new TextBlock(TextBlockKind.Label, clean)
                : new TextBlock(TextBlockKind.Paragraph, line));
        }
        return blocks;
    }

    /// <summary>A section title: short, starts with a capital, and does not end like a sentence.</summary>
    private static bool IsLabel(string clean) =>
        clean.Length is > 0 and <= MaxLabelLength
        && (char.IsUpper(clean[0]) || char.IsDigit(clean[0]))
        && clean.Split(' ').Length <= MaxLabelWords
        && clean[^1] is not ('.' or '!' or '?' or ',' or ';' or '"' or '\u201D' or '\'' or '\u2019' or ')');
}
