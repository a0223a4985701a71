using System.Collections.Immutable;
using System.Text;
using StaticBriefs.Loading;
using StaticBriefs.Model;

namespace StaticBriefs.Authoring;

/// <summary>
/// Turns a plain-text brief into a <see cref="BriefDraft"/>: a title from its first heading or line (or from the
/// executive summary when the text opens with one), a summary from the executive-summary bullets, companies,
/// people and topics proposed from the site's entity data, and the rest as markdown with section labels as headings.
/// </summary>
public static class PlainTextImporter
{
    /// <summary>Summaries stop adding sentences past this length.</summary>
    private const int MaxSummaryLength = 300;

    /// <summary>Longest first line still taken as a title rather than as the opening paragraph.</summary>
    private const int MaxTitleLineLength = 150;

    /// <summary>Imports <paramref name="text"/> dated <paramref name="date"/>; <paramref name="entities"/> come from <c>_data/</c>.</summary>
    public static BriefDraft Import(string text, DateTimeOffset date, ImmutableArray<EntityDefinition> entities)
    {
        var blocks = TextBlockReader.Read(text);
        var summaryBullets = TakeSummary(blocks);
        var title = TakeTitle(blocks, summaryBullets);
        var summary = summaryBullets.Count > 0
            ? Summarize(summaryBullets)
            : blocks.FirstOrDefault(b => b.Kind == TextBlockKind.Paragraph) is { } first ? Summarize([first.Text]) : "";
        var body = Body(blocks);
        var proposal = EntityProposer.Propose(entities, title + "\n" + summary + "\n" + body);
        return new BriefDraft
        {
            Title = title.Length > 0 ? title : "Untitled brief",
            Date = date,
            IncludeTime = false,
            Summary = summary,
            Companies = proposal.Companies,
            People = proposal.People,
            Topics = proposal.Topics,
            Relations = RelationProposer.Propose(entities, title + "\n" + summary + "\n" + body),
            Draft = true,
            Body = body,
        };
    }

    /// <summary>Removes the first summary marker and the bullets under it; returns the bullets' text.</summary>
    private static List<string> TakeSummary(List<TextBlock> blocks)
    {
        var marker = blocks.FindIndex(b => b.Kind == TextBlockKind.SummaryMarker);
        if (marker < 0) return [];
        var end = marker + 1;
        while (end < blocks.Count && blocks[end].Kind == TextBlockKind.Bullet) end++;
        // A marker followed by prose instead of bullets: that paragraph is the summary.
        if (end == marker + 1 && end < blocks.Count && blocks[end].Kind == TextBlockKind.Paragraph) end++;
        var bullets = blocks.GetRange(marker + 1, end - marker - 1).Select(b => b.Text).ToList();
        blocks.RemoveRange(marker, end - marker);
        return bullets;
    }

    /// <summary>The first heading, or a short first line, is the title (and leaves the body); else it is derived.</summary>
    private static string TakeTitle(List<TextBlock> blocks, List<string> summaryBullets)
    {
        var heading = blocks.FindIndex(b => b.Kind == TextBlockKind.Heading);
        if (heading == 0 || (heading > 0 && blocks.Take(heading).All(b => b.Kind == TextBlockKind.Label)))
            return Take(blocks, heading);
        if (summaryBullets.Count > 0) return TitleDeriver.FromSentence(summaryBullets[0]);
        if (blocks.Count == 0) return "";
        if (blocks[0].Kind == TextBlockKind.Label || (blocks[0].Kind == TextBlockKind.Paragraph && blocks[0].Text.Length <= MaxTitleLineLength))
            return Take(blocks, 0);
        return TitleDeriver.FromSentence(blocks[0].Text);
    }

    private static string Take(List<TextBlock> blocks, int index)
    {
        var title = TitleDeriver.Tidy(blocks[index].Text);
        blocks.RemoveAt(index);
        return title;
    }

    /// <summary>One or two sentences, without emoji or bullet marks.</summary>
    private static string Summarize(List<string> parts)
    {
        var joined = string.Join(' ', parts.Select(p =>
        {
            var clean = PlainText.StripDecoration(p);
            return PlainText.EndsSentence(clean) ? clean : clean + ".";
        }));
        var summary = new StringBuilder();
        foreach (var sentence in PlainText.Sentences(joined).Take(2))
        {
            if (summary.Length > 0 && summary.Length + sentence.Length + 1 > MaxSummaryLength) break;
            if (summary.Length > 0) summary.Append(' ');
            summary.Append(sentence);
        }
        return summary.ToString();
    }

    private static string Body(List<TextBlock> blocks)
    {
        var body = new StringBuilder();
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var listContinues = block.Kind == TextBlockKind.Bullet && i > 0 && blocks[i - 1].Kind == TextBlockKind.Bullet;
            if (body.Length > 0) body.Append(listContinues ? "\n" : "\n\n");
            body.Append(block.Kind switch
            {
                TextBlockKind.Heading or TextBlockKind.Label or TextBlockKind.SummaryMarker => "## " + PlainText.EscapeMarkdown(block.Text),
                TextBlockKind.Bullet => "- " + PlainText.EscapeMarkdown(block.Text),
                _ => PlainText.EscapeMarkdown(block.Text),
            });
        }
        return body.Append('\n').ToString();
    }
}
