using System.Globalization;
using System.Text;

namespace StaticBriefs.Authoring;

/// <summary>Formats a <see cref="BriefDraft"/> as a brief file: YAML front matter, a blank line, the body.</summary>
public static class BriefMarkdownWriter
{
    /// <summary>The file's text, with '\n' line endings.</summary>
    public static string Write(BriefDraft draft)
    {
        var date = draft.IncludeTime
            ? draft.Date.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
            : draft.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var text = new StringBuilder()
            .Append("---\n")
            .Append("title: ").Append(YamlText.Quoted(OneLine(draft.Title))).Append('\n')
            .Append("date: ").Append(date).Append('\n')
            .Append("summary: ").Append(YamlText.Quoted(OneLine(draft.Summary))).Append('\n')
            .Append("companies: ").Append(YamlText.FlowList(draft.Companies)).Append('\n')
            .Append("people: ").Append(YamlText.FlowList(draft.People)).Append('\n')
            .Append("topics: ").Append(YamlText.FlowList(draft.Topics)).Append('\n');
        RelationLines(draft, text);
        if (draft.Sources.IsEmpty)
        {
            text.Append("sources: []\n");
        }
        else
        {
            text.Append("sources:\n");
            foreach (var source in draft.Sources) text.Append("  - ").Append(YamlText.Quoted(source)).Append('\n');
        }
        text.Append("draft: ").Append(draft.Draft ? "true" : "false").Append('\n')
            .Append("---\n\n")
            .Append(draft.Body.ReplaceLineEndings("\n").Trim('\n'))
            .Append('\n');
        return text.ToString();
    }

    private static void RelationLines(BriefDraft draft, StringBuilder text)
    {
        if (draft.Relations.IsEmpty) return;
        text.Append("relations:\n");
        foreach (var relation in draft.Relations)
        {
            text.Append("  - {subject: ").Append(YamlText.Quoted(OneLine(relation.Subject)))
                .Append(", verb: ").Append(Model.Relations.RelationVerbs.Text(relation.Verb))
                .Append(", object: ").Append(YamlText.Quoted(OneLine(relation.Object)));
            if (relation.Role is { Length: > 0 } role) text.Append(", role: ").Append(YamlText.Quoted(OneLine(role)));
            text.Append("}\n");
        }
    }

    /// <summary>Titles and summaries are one line in listings and meta tags; a pasted line break would only surprise.</summary>
    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
