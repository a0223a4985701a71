using System.Globalization;
using System.Text;
using static StaticBriefs.Benchmarks.Corpus.CorpusWords;

namespace StaticBriefs.Benchmarks.Corpus;

/// <summary>What a body needs to know about its brief: tags to mention, and briefs it may link to.</summary>
internal sealed record BodyContext(int Index, string[] Companies, string[] People, string[] Topics, (string Slug, string Title)[] LinkTargets);

/// <summary>
/// Writes one brief body: a lead, an executive summary list, 4-6 <c>##</c> sections with external and internal
/// links, bold and inline code, one table, one fenced code block and one more list, sized to a word target.
/// </summary>
internal sealed class BriefBodyWriter(Random random)
{
    private readonly StringBuilder _text = new();
    private int _words;

    /// <summary>Writes a body of <paramref name="targetWords"/> words, counted as the site counts them (code blocks excluded).</summary>
    public string Write(BodyContext brief, int targetWords)
    {
        _text.Clear();
        _words = 0;
        Paragraph(brief, 35 + random.Next(20));
        Heading("Executive summary");
        List(brief, 3);

        var headings = Headings.OrderBy(_ => random.Next()).Take(4 + random.Next(3)).ToArray();
        var tableAt = random.Next(headings.Length);
        var codeAt = random.Next(headings.Length);
        var listAt = random.Next(headings.Length);
        var linkAt = random.Next(headings.Length);
        for (var s = 0; s < headings.Length; s++)
        {
            Heading(headings[s]);
            if (s == linkAt) InternalLinks(brief);
            if (s == listAt) List(brief, 2 + random.Next(3));
            if (s == tableAt) Table();
            if (s == codeAt) Code(brief);
            // Prose takes what is left of the budget, shared out over the remaining sections.
            var paragraphs = 1 + random.Next(2);
            for (var p = 0; p < paragraphs; p++)
            {
                var left = targetWords - _words;
                var share = left / ((headings.Length - s) * paragraphs - p);
                Paragraph(brief, Math.Max(share, 8));
            }
        }
        if (_words < targetWords) Paragraph(brief, targetWords - _words);
        return _text.ToString();
    }

    private void Heading(string text)
    {
        _text.Append("## ").Append(text).Append("\n\n");
        _words += Count(text);
    }

    /// <summary>Sentences of ordinary words with a tag name, a bold word, an external link and inline code mixed in.</summary>
    private void Paragraph(BodyContext brief, int words)
    {
        var written = 0;
        var sentence = 0;
        while (written < words)
        {
            var length = Math.Min(words - written, 8 + random.Next(12));
            var parts = new List<string>(length + 2);
            var budget = length;
            // Words are counted from what a reader sees: a link's label counts, its URL does not.
            // Mentions make entity auto-linking do real work; links and code exercise the inline parsers.
            switch (random.Next(6))
            {
                case 0 or 1 when budget > 4:
                    var name = Mention(brief);
                    parts.Add(name);
                    budget -= Count(name);
                    break;
                case 2 when budget > 4:
                    var domain = NewsDomains[random.Next(NewsDomains.Length)];
                    var label = Words[random.Next(Words.Length)] + " " + Words[random.Next(Words.Length)];
                    parts.Add($"[{label}](https://{domain}/{brief.Index.ToString(CultureInfo.InvariantCulture)}/{sentence.ToString(CultureInfo.InvariantCulture)})");
                    budget -= Count(label);
                    break;
                case 3 when budget > 3:
                    var word = Words[random.Next(Words.Length)];
                    parts.Add($"**{word}**");
                    budget -= Count(word);
                    break;
                case 4 when budget > 3:
                    var code = ContentWordPair();
                    parts.Add($"`{code}`");
                    budget -= Count(code);
                    break;
            }
            for (var i = 0; i < budget; i++) parts.Add(Words[random.Next(Words.Length)]);
            written += length;
            // Shuffle so the mention or link is not always the sentence's first word.
            var first = random.Next(parts.Count);
            (parts[0], parts[first]) = (parts[first], parts[0]);
            var text = string.Join(' ', parts);
            _text.Append(char.ToUpperInvariant(text[0])).Append(text.AsSpan(1)).Append(". ");
            sentence++;
        }
        _words += written;
        _text.Length--;
        _text.Append("\n\n");
    }

    private string ContentWordPair() =>
        CorpusEntities.ContentWord(random) + "_" + CorpusEntities.ContentWord(random) + "=" + random.Next(1, 512).ToString(CultureInfo.InvariantCulture);

    private string Mention(BodyContext brief)
    {
        var pools = brief.People.Length > 0 && random.Next(3) == 0 ? brief.People : random.Next(4) == 0 ? brief.Topics : brief.Companies;
        return pools[random.Next(pools.Length)];
    }

    private void List(BodyContext brief, int items)
    {
        for (var i = 0; i < items; i++)
        {
            var text = Mention(brief) + " " + string.Join(' ', Enumerable.Range(0, 6 + random.Next(8)).Select(_ => Words[random.Next(Words.Length)]));
            _text.Append("- ").Append(text).Append('\n');
            _words += Count(text);
        }
        _text.Append('\n');
    }

    private void InternalLinks(BodyContext brief)
    {
        if (brief.LinkTargets.Length == 0) return;
        var text = new StringBuilder("Earlier coverage:");
        _words += 2;
        foreach (var (slug, title) in brief.LinkTargets)
        {
            text.Append(" [").Append(title).Append("](/briefs/").Append(slug).Append("/)");
            _words += Count(title);
        }
        _text.Append(text).Append(".\n\n");
    }

    private void Table()
    {
        _text.Append("| Metric | Before | After |\n| --- | ---: | ---: |\n");
        _words += 3;
        var rows = 3 + random.Next(4);
        for (var r = 0; r < rows; r++)
        {
            var metric = CorpusEntities.ContentWord(random);
            _text.Append(CultureInfo.InvariantCulture, $"| {metric} | {random.Next(1, 999)} | {random.Next(1, 999)} |\n");
            _words += Count(metric) + 2;
        }
        _text.Append('\n');
    }

    private void Code(BodyContext brief)
    {
        var language = Languages[random.Next(Languages.Length)];
        _text.Append("```").Append(language).Append('\n');
        var lines = 3 + random.Next(4);
        for (var l = 0; l < lines; l++)
            _text.Append(CultureInfo.InvariantCulture, $"{CorpusEntities.ContentWord(random)}_{l} = {random.Next(1, 100_000)}  # brief {brief.Index}\n");
        _text.Append("```\n\n");
    }
}
