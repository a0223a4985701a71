using System.Text;

namespace StaticBriefs.Benchmarks.Corpus;

/// <summary>
/// Writes the corpus's <c>_site.yml</c> and <c>_data/*.yml</c>. Every entity is listed, because the site warns about
/// tags missing from a data file and thousands of warnings would be measured too; only described ones get a
/// description, website, aliases and (people) employers.
/// </summary>
internal static class CorpusDataWriter
{
    public static void Write(string outputDirectory, CorpusEntities entities)
    {
        Directory.CreateDirectory(Path.Combine(outputDirectory, "_data"));
        Save(Path.Combine(outputDirectory, "_site.yml"),
            "title: Benchmark Briefs\n" +
            "description: A generated archive of briefs for measuring build speed.\n" +
            "base_url: https://bench.example.org/\n" +
            "language: en\n" +
            "page_size: 20\n" +
            "author: Bench Desk\n");
        Save(Path.Combine(outputDirectory, "_data", "companies.yml"), Entries(entities.Companies, "company", website: true));
        Save(Path.Combine(outputDirectory, "_data", "people.yml"), Entries(entities.People, "person", website: true));
        Save(Path.Combine(outputDirectory, "_data", "topics.yml"), Entries(entities.Topics, "topic", website: false));
    }

    private static string Entries(CorpusEntity[] pool, string noun, bool website)
    {
        var text = new StringBuilder();
        foreach (var entity in pool)
        {
            text.Append("- name: ").Append(entity.Name).Append('\n');
            if (!entity.Described) continue;
            if (entity.Alias is not null) text.Append("  aliases: [").Append(entity.Alias).Append("]\n");
            text.Append("  description: \"A generated ").Append(noun).Append(" that the benchmark briefs mention often.\"\n");
            if (website) text.Append("  website: https://").Append(CorpusWords.Fold(entity.Name)).Append(".example.com\n");
            if (entity.Current.Length > 0) text.Append("  current: [").Append(string.Join(", ", entity.Current)).Append("]\n");
            if (entity.Past.Length > 0) text.Append("  past: [").Append(string.Join(", ", entity.Past)).Append("]\n");
        }
        return text.ToString();
    }

    private static void Save(string path, string content) => File.WriteAllText(path, content, new UTF8Encoding(false));
}
