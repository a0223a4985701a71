using static StaticBriefs.Benchmarks.Corpus.CorpusWords;

namespace StaticBriefs.Benchmarks.Corpus;

/// <summary>One generated company, person or topic; <see cref="Described"/> ones also get a <c>_data/*.yml</c> entry.</summary>
internal sealed record CorpusEntity(string Name, string? Alias, bool Described, string[] Current, string[] Past);

/// <summary>The entity pools briefs draw their tags from: ~300 companies, ~800 people, ~60 topics.</summary>
internal sealed class CorpusEntities
{
    public const int CompanyCount = 300, PersonCount = 800, TopicCount = 60;

    private CorpusEntities(CorpusEntity[] companies, CorpusEntity[] people, CorpusEntity[] topics)
    {
        Companies = companies;
        People = people;
        Topics = topics;
    }

    public CorpusEntity[] Companies { get; }
    public CorpusEntity[] People { get; }
    public CorpusEntity[] Topics { get; }

    /// <summary>
    /// Draws every pool from <paramref name="random"/>. Names and aliases are unique across all three kinds after
    /// folding, so no name is a company in one brief and a person in another (the site warns about that).
    /// </summary>
    public static CorpusEntities Create(Random random)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var companyNames = Draw(random, used, CompanyCount,
            r => Word(r) + CompanySuffixes[r.Next(CompanySuffixes.Length)]);
        var personNames = Draw(random, used, PersonCount, r => Word(r) + " " + Word(r));
        var topicNames = Draw(random, used, TopicCount,
            r => Topic(r));

        // Roughly a third of companies, a quarter of people and half the topics are described in _data/.
        var companies = Describe(random, used, companyNames, 3, name => name.Contains(' ', StringComparison.Ordinal) ? name[..name.IndexOf(' ', StringComparison.Ordinal)] : name + " Group", null);
        var people = Describe(random, used, personNames, 4, name => name[(name.IndexOf(' ', StringComparison.Ordinal) + 1)..], companyNames);
        var topics = Describe(random, used, topicNames, 2, name => Capitalize(name[(name.IndexOf(' ', StringComparison.Ordinal) + 1)..]) + " " + name[..name.IndexOf(' ', StringComparison.Ordinal)].ToLowerInvariant(), null);
        return new CorpusEntities(companies, people, topics);
    }

    private static string Topic(Random random)
    {
        var first = ContentWord(random);
        string second;
        do second = ContentWord(random);
        while (second == first);
        return Capitalize(first) + " " + second;
    }

    /// <summary>A word of the field, fit to name a topic.</summary>
    public static string ContentWord(Random random) => ContentWords[random.Next(ContentWords.Length)];

    private static string Word(Random random)
    {
        var parts = random.Next(2, 4);
        var word = "";
        for (var i = 0; i < parts; i++) word += Syllables[random.Next(Syllables.Length)];
        return Capitalize(word);
    }

    private static string[] Draw(Random random, HashSet<string> used, int count, Func<Random, string> make)
    {
        var names = new List<string>(count);
        while (names.Count < count)
        {
            var name = make(random);
            if (used.Add(Fold(name))) names.Add(name);
        }
        names.Sort(StringComparer.Ordinal);
        return [.. names];
    }

    private static CorpusEntity[] Describe(
        Random random, HashSet<string> used, string[] names, int oneIn, Func<string, string> aliasOf, string[]? employers)
    {
        var entities = new CorpusEntity[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var described = random.Next(oneIn) == 0;
            // An alias is kept only when its folded form is free, so it always points at exactly one entity.
            var alias = described && random.Next(2) == 0 && used.Add(Fold(aliasOf(names[i]))) ? aliasOf(names[i]) : null;
            string[] current = [], past = [];
            if (described && employers is not null)
            {
                current = [employers[random.Next(employers.Length)]];
                past = random.Next(2) == 0 ? [] : [employers[random.Next(employers.Length)]];
                if (past.Length == 1 && past[0] == current[0]) past = [];
            }
            entities[i] = new CorpusEntity(names[i], alias, described, current, past);
        }
        return entities;
    }
}
