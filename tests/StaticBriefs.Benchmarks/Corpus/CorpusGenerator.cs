using System.Globalization;
using System.Text;
using static StaticBriefs.Benchmarks.Corpus.CorpusWords;

namespace StaticBriefs.Benchmarks.Corpus;

/// <summary>
/// Seeded corpus of N briefs for benchmarks: <c>briefs/&lt;yyyy&gt;/&lt;slug&gt;.md</c> with front matter and a
/// 600-900 word body each, plus <c>_site.yml</c> and <c>_data/*.yml</c>. The same N and seed always give the same
/// bytes: one <see cref="Random"/> drawn in a fixed order, invariant formatting, <c>\n</c> line endings.
/// </summary>
internal static class CorpusGenerator
{
    public const int DefaultSeed = 42;
    public const int MinWords = 600, MaxWords = 900;
    public const int FirstYear = 2019, LastYear = 2025;

    private static readonly string[] Verbs = ["hires", "raises", "releases", "acquires", "partners with", "loses", "expands", "restructures"];

    /// <summary>The front matter of one brief, drawn before any body so bodies can link to briefs written later.</summary>
    private sealed record BriefMeta(int Index, string Slug, string Title, string Date, string Year, string[] Companies, string[] People, string[] Topics);

    /// <summary>Writes the corpus into <paramref name="outputDirectory"/>; returns brief paths relative to it.</summary>
    /// <remarks>With <paramref name="relations"/>, briefs also carry <c>relations:</c> (see <see cref="CorpusRelations"/>).</remarks>
    public static IReadOnlyList<string> Write(string outputDirectory, int count, int seed = DefaultSeed, bool relations = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var entities = CorpusEntities.Create(random);
        var metas = new BriefMeta[count];
        for (var i = 0; i < count; i++) metas[i] = Meta(random, entities, i);

        CorpusDataWriter.Write(outputDirectory, entities);
        var paths = new List<string>(count);
        var body = new BriefBodyWriter(random);
        var relationRandom = relations ? new Random(seed + 1) : null;
        foreach (var meta in metas)
        {
            var relative = $"briefs/{meta.Year}/{meta.Slug}.md";
            var file = Path.Combine(outputDirectory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, Brief(random, meta, metas, body, relationRandom), new UTF8Encoding(false));
            paths.Add(relative);
        }
        return paths;
    }

    private static BriefMeta Meta(Random random, CorpusEntities entities, int index)
    {
        var companies = Pick(random, entities.Companies, 1 + random.Next(4));
        var people = Pick(random, entities.People, random.Next(4));
        var topics = Pick(random, entities.Topics, 1 + random.Next(3));
        var other = companies.Length > 1 ? companies[1].Name : people.Length > 0 ? people[0].Name : CorpusEntities.ContentWord(random) + " team";
        var title = $"{companies[0].Name} {Verbs[random.Next(Verbs.Length)]} {other} in {CorpusEntities.ContentWord(random)} push";
        var year = FirstYear + random.Next(LastYear - FirstYear + 1);
        var date = new DateTime(year, 1 + random.Next(12), 1 + random.Next(28), 0, 0, 0, DateTimeKind.Utc);
        // A third of the briefs carry a time, as briefs filed during the day do.
        var dateText = random.Next(3) == 0
            ? date.AddMinutes(random.Next(24 * 60)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // The index keeps slugs unique however the titles collide.
        var slug = Slugify(title) + "-" + index.ToString(CultureInfo.InvariantCulture);
        return new BriefMeta(index, slug, title, dateText, year.ToString(CultureInfo.InvariantCulture),
            Tags(random, companies), Tags(random, people), Tags(random, topics));
    }

    /// <summary>Distinct entities; a fifth of described entities with an alias are tagged by the alias.</summary>
    private static CorpusEntity[] Pick(Random random, CorpusEntity[] pool, int count)
    {
        var picked = new List<CorpusEntity>(count);
        while (picked.Count < count)
        {
            var entity = pool[random.Next(pool.Length)];
            if (!picked.Contains(entity)) picked.Add(entity);
        }
        return [.. picked];
    }

    private static string[] Tags(Random random, CorpusEntity[] entities) =>
        [.. entities.Select(e => e.Alias is not null && random.Next(5) == 0 ? e.Alias : e.Name)];

    private static string Brief(Random random, BriefMeta meta, BriefMeta[] all, BriefBodyWriter body, Random? relations)
    {
        var links = new (string, string)[all.Length > 1 ? 1 + random.Next(2) : 0];
        for (var i = 0; i < links.Length; i++)
        {
            var target = all[(meta.Index + 1 + random.Next(all.Length - 1)) % all.Length];
            links[i] = (target.Slug, target.Title);
        }
        var text = new StringBuilder(8192);
        text.Append("---\n");
        text.Append("title: \"").Append(meta.Title).Append("\"\n");
        text.Append("date: ").Append(meta.Date).Append('\n');
        var summary = string.Join(' ', Enumerable.Range(0, 14 + random.Next(12)).Select(_ => Words[random.Next(Words.Length)]));
        text.Append("summary: \"").Append(meta.Companies[0]).Append(' ').Append(summary).Append(".\"\n");
        text.Append("companies: ").Append(FlowList(meta.Companies)).Append('\n');
        text.Append("people: ").Append(FlowList(meta.People)).Append('\n');
        text.Append("topics: ").Append(FlowList(meta.Topics)).Append('\n');
        text.Append("author: ").Append(Authors[random.Next(Authors.Length)]).Append('\n');
        if (relations is not null) CorpusRelations.Append(text, relations, meta.Companies, meta.People);
        text.Append("sources:\n");
        var sources = 1 + random.Next(3);
        for (var s = 0; s < sources; s++)
            text.Append(CultureInfo.InvariantCulture, $"  - https://{NewsDomains[random.Next(NewsDomains.Length)]}/{meta.Year}/{meta.Slug}/{s}\n");
        text.Append("---\n\n");
        var context = new BodyContext(meta.Index, meta.Companies, meta.People, meta.Topics, links);
        text.Append(body.Write(context, MinWords + 10 + random.Next(MaxWords - MinWords - 19)));
        return text.ToString();
    }

    private static string FlowList(string[] items) => "[" + string.Join(", ", items) + "]";

    private static string Slugify(string title)
    {
        var slug = new StringBuilder(title.Length);
        foreach (var c in title.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        return slug.ToString().TrimEnd('-');
    }
}
