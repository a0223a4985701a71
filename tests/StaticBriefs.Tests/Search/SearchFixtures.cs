using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using StaticBriefs.Search;

namespace StaticBriefs.Tests.Search;

/// <summary>Documents for the search tests: a small hand-written set with known answers, and a seeded synthetic corpus.</summary>
internal static class SearchFixtures
{
    public static SearchDocument Doc(int id, string title, string date, string[] companies, string[] people, string[] topics, string summary, string body) =>
        new(id, $"/briefs/{id.ToString(CultureInfo.InvariantCulture)}/", title, summary, DateTimeOffset.Parse(date, CultureInfo.InvariantCulture),
            [.. companies], [.. people], [.. topics], body);

    /// <summary>The entity pages of <paramref name="documents"/>' companies, people and topics, as a build gives them.</summary>
    public static IEnumerable<SearchEntity> Entities(IEnumerable<SearchDocument> documents)
    {
        var list = documents.ToList();
        foreach (var (kind, folder, names) in new (string, string, Func<SearchDocument, ImmutableArray<string>>)[]
            { ("company", "companies", d => d.Companies), ("person", "people", d => d.People), ("topic", "topics", d => d.Topics) })
        {
            foreach (var group in list.SelectMany(d => names(d).IsDefault ? [] : names(d).Select(n => (Name: n, d.Id))).GroupBy(x => x.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                yield return new SearchEntity(kind, group.Key, $"/{folder}/{StaticBriefs.Text.Slugger.Slugify(group.Key)}/", group.Select(x => x.Id).Distinct().Count());
            }
        }
    }

    /// <summary>The index a fresh builder writes for <paramref name="documents"/> in <paramref name="layout"/>.</summary>
    public static InMemoryOutputSink WriteIndex(IEnumerable<SearchDocument> documents, SearchIndexLayout layout)
    {
        var builder = new SearchIndexBuilder();
        foreach (var document in documents) builder.Add(document);
        var sink = new InMemoryOutputSink();
        builder.Write(sink, layout);
        return sink;
    }

    public static ImmutableArray<SearchDocument> Small() =>
    [
        Doc(0, "OpenAI releases GPT-5 model", "2026-03-02", ["OpenAI"], ["Sam Altman"], ["Models"],
            "The new model improves reasoning.", "OpenAI said the model beats earlier systems on reasoning benchmarks. Sentinel word zyxwvut appears only late. " + Filler(80) + " lateonlyword"),
        Doc(1, "Nvidia earnings beat expectations", "2026-02-10", ["Nvidia"], ["Jensen Huang"], ["Chips"],
            "Data center revenue doubled.", "Demand for GPUs from OpenAI and others drove data center sales."),
        Doc(2, "Mistral raises funding", "2025-11-20", ["Mistral AI"], ["Arthur Mensch"], ["Funding"],
            "A large round for the Paris lab.", "The company will train a new model and open model weights."),
        Doc(3, "Zoë Müller joins DeepMind", "2025-06-01", ["Google DeepMind"], ["Zoë Müller"], ["People moves"],
            "A senior researcher moves to London.", "Müller previously led evaluation work."),
        Doc(4, "Anthropic details pre-training advances", "2025-01-15", ["Anthropic"], [], ["Models", "Research"],
            "Better data mixtures during pre-training.", "The paper describes pre-training at scale for Claude."),
        Doc(5, "Chip export rules tighten", "2024-12-05", ["Nvidia"], [], ["Policy", "Chips"],
            "New controls on advanced chips.", "Regulators widened the rules for accelerators."),
        Doc(6, "OpenAI and Microsoft renegotiate partnership", "2024-08-19", ["OpenAI", "Microsoft"], ["Sam Altman", "Satya Nadella"], ["Deals"],
            "The partnership gets new terms.", "Both companies confirmed the partnership terms."),
        Doc(7, "Quantum computing startup news", "2024-03-11", [], [], ["Research"],
            "A qubit milestone.", "The startup reported lower error rates."),
    ];

    /// <summary>Deterministic synthetic briefs: Zipf-distributed invented vocabulary plus common words, 600-900 words each.</summary>
    public static IEnumerable<SearchDocument> Synthetic(int count, int seed = 42)
    {
        var random = new Random(seed);
        var vocabulary = Vocabulary(20_000, random);
        string[] common = ["the", "a", "of", "and", "to", "in", "model", "models", "company", "companies", "said", "new", "training", "data", "chips", "release", "billion", "market", "research", "open", "deal"];
        var cumulative = new double[vocabulary.Length];
        var sum = 0.0;
        for (var i = 0; i < vocabulary.Length; i++) cumulative[i] = sum += 1.0 / (i + 1);
        var companies = Names("Corp", 300, random);
        var people = Names("Person", 500, random);
        var topics = Names("Topic", 40, random);
        var start = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var body = new StringBuilder();
        for (var id = 0; id < count; id++)
        {
            body.Clear();
            var words = 600 + random.Next(301);
            for (var w = 0; w < words; w++)
            {
                if (w > 0) body.Append(w % 15 == 0 ? ". " : " ");
                if (random.Next(3) == 0) body.Append(common[random.Next(common.Length)]);
                else
                {
                    var index = Array.BinarySearch(cumulative, random.NextDouble() * sum);
                    body.Append(vocabulary[index < 0 ? Math.Min(~index, vocabulary.Length - 1) : index]);
                }
            }
            string Title() => vocabulary[random.Next(2000)];
            yield return new SearchDocument(id, $"/briefs/b{id.ToString(CultureInfo.InvariantCulture)}/",
                $"{companies[random.Next(50)]} {Title()} {Title()} {Title()}", $"A brief about {Title()} and {Title()} in {Title()}.",
                start.AddHours(-6 * id), Pick(companies, 1 + random.Next(3), random), Pick(people, random.Next(3), random),
                Pick(topics, 1 + random.Next(2), random), body.ToString());
        }
    }

    private static ImmutableArray<string> Pick(string[] names, int count, Random random)
    {
        var picked = new List<string>();
        for (var i = 0; i < count; i++)
        {
            // Skewed: a few names are frequent, most are rare, like real coverage.
            var name = names[(int)(names.Length * Math.Pow(random.NextDouble(), 2.5))];
            if (!picked.Contains(name)) picked.Add(name);
        }
        return [.. picked];
    }

    private static string[] Names(string kind, int count, Random random)
    {
        var names = new string[count];
        for (var i = 0; i < count; i++) names[i] = Capitalize(Word(random)) + " " + kind + " " + i.ToString(CultureInfo.InvariantCulture);
        return names;
    }

    private static string[] Vocabulary(int count, Random random)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (set.Count < count) set.Add(Word(random));
        return [.. set];
    }

    private static readonly string[] Syllables = ["ka", "lo", "mi", "ne", "ra", "tu", "ve", "si", "or", "an", "el", "qu", "zo", "pa", "di", "gen", "tor", "lex", "mar", "vin"];

    private static string Word(Random random)
    {
        var builder = new StringBuilder();
        var parts = 2 + random.Next(3);
        for (var i = 0; i < parts; i++) builder.Append(Syllables[random.Next(Syllables.Length)]);
        return builder.ToString();
    }

    private static string Capitalize(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private static string Filler(int words)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < words; i++) builder.Append("filler ");
        return builder.ToString();
    }
}
