namespace StaticBriefs.Authoring;

/// <summary>
/// Makes a headline from a summary sentence when the text has no title line: "Andrej Karpathy, a central figure in
/// modern AI history, has joined Anthropic's pre-training team, a strategic move ..." becomes "Andrej Karpathy has
/// joined Anthropic's pre-training team". It keeps the subject and the main clause and drops the comma-set asides
/// (appositions and relative clauses) that a headline leaves out.
/// </summary>
internal static class TitleDeriver
{
    /// <summary>Headlines longer than this are cut at a word.</summary>
    public const int MaxLength = 100;

    // Words that open an aside rather than the main clause: "X, a former ..., did Y", "X, who ..., did Y".
    private static readonly HashSet<string> AsideOpeners = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "who", "which", "whose", "whom", "one", "its", "his", "her", "their", "former", "formerly",
        "previously", "currently", "now", "once", "also", "both", "itself", "himself", "herself", "widely", "long",
    };

    /// <summary>A headline from the first sentence of <paramref name="text"/>.</summary>
    public static string FromSentence(string text)
    {
        var sentences = PlainText.Sentences(PlainText.StripDecoration(text));
        if (sentences.Count == 0) return "";
        var segments = sentences[0].Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var kept = new List<string> { segments[0] };
        for (var i = 1; i < segments.Length && kept.Count < 2; i++)
        {
            var firstWord = segments[i].Split(' ')[0];
            if (!AsideOpeners.Contains(firstWord)) kept.Add(segments[i]);
        }
        return Tidy(string.Join(' ', kept));
    }

    /// <summary>A line used as a title as it is: decoration and closing punctuation removed, length capped.</summary>
    public static string Tidy(string line)
    {
        var title = PlainText.StripDecoration(line).TrimEnd('.', ',', ';', ':', ' ');
        if (title.Length > 0) title = char.ToUpperInvariant(title[0]) + title[1..];
        return PlainText.Shorten(title, MaxLength);
    }
}
