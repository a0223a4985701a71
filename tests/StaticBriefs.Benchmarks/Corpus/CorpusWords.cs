namespace StaticBriefs.Benchmarks.Corpus;

/// <summary>Fixed vocabularies the corpus is drawn from, and the word count rule the site uses.</summary>
internal static class CorpusWords
{
    /// <summary>Nouns and verbs of the field: topic names, table metrics and inline code come from these.</summary>
    public static readonly string[] ContentWords =
    [
        "model", "training", "compute", "cluster", "inference", "research", "safety", "alignment", "capital", "funding",
        "round", "talent", "hiring", "researcher", "engineer", "team", "scaling", "data", "quality", "benchmark",
        "release", "product", "market", "customer", "enterprise", "revenue", "partnership", "chip", "supply",
        "datacenter", "energy", "regulation", "policy", "evaluation", "reasoning", "multimodal", "agent", "latency",
        "cost", "efficiency", "open", "weights", "license", "strategy", "competition", "roadmap", "announcement",
        "acquisition", "valuation", "investor", "board", "leadership", "pretraining", "tokenizer", "context", "window",
        "retrieval", "fine-tuning", "reinforcement", "feedback", "distillation",
    ];

    /// <summary>Prose vocabulary: the field's words plus the small words that make it read like sentences.</summary>
    public static readonly string[] Words =
    [
        .. ContentWords, "the", "a", "of", "and", "with", "for", "its", "new", "said", "now", "which", "after", "than",
        "more", "across", "while", "into",
    ];

    // Syllables for made-up names: pronounceable, ASCII only, so names never need YAML quoting or folding.
    public static readonly string[] Syllables =
        ["ka", "lo", "mi", "ra", "te", "so", "nu", "vi", "xe", "an", "bel", "cor", "dan", "eth", "fin", "gar", "hol",
         "ix", "jun", "kel", "mar", "nor", "oph", "per", "qui", "ros", "tal", "ven", "wyn", "zo"];

    public static readonly string[] CompanySuffixes = [" AI", " Labs", " Systems", "", " Inc", " Robotics", " Compute"];

    public static readonly string[] Headings =
    [
        "What happened", "Why it matters", "The numbers", "Who is involved", "What to watch", "Background",
        "Market context", "Technical details", "Open questions", "Timeline", "Reactions", "Our read",
    ];

    public static readonly string[] Authors =
    [
        "Bench Desk", "Ada Okafor", "Lin Wei", "Maria Santos", "Tom Berger", "Priya Nair", "Jonas Lind", "Sara Cohen",
    ];

    public static readonly string[] NewsDomains =
        ["news.example.com", "wire.example.org", "tech.example.net", "markets.example.com", "journal.example.org"];

    public static readonly string[] Languages = ["python", "json", "bash", "yaml"];

    /// <summary>
    /// Counts words the way the site's markdown renderer does (runs of letters or digits, joined by ' or -), so the
    /// generator can aim at a body length the built site will report.
    /// </summary>
    public static int Count(string visibleText)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in visibleText)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord) count++;
            inWord = letter || (inWord && c is '\'' or '-');
        }
        return count;
    }

    /// <summary>A lower-case key of letters and digits only: at least as strict as the site's own name folding.</summary>
    public static string Fold(string name)
    {
        var chars = new List<char>(name.Length);
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c)) chars.Add(char.ToLowerInvariant(c));
        }
        return new string([.. chars]);
    }

    public static string Capitalize(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
