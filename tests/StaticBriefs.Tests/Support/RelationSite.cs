namespace StaticBriefs.Tests.Support;

/// <summary>A small site with people, companies and briefs that carry relations, for the relation tests.</summary>
internal static class RelationSite
{
    public const string Companies = """
        - name: Anthropic
          aliases: [Anthropic PBC]
        - name: OpenAI
          aliases: [Open AI]
        - name: Tesla
        - name: Eureka Labs
        """;

    public const string People = """
        - name: Andrej Karpathy
          aliases: [Karpathy]
          current: [Anthropic]
          past:
            - {company: OpenAI, role: research scientist, from: 2015-12-11, to: 2017-06-20}
            - {company: Tesla, role: director of AI, from: 2017-06-20, to: 2022-07-13}
        - name: Jan Leike
        """;

    public const string Topics = """
        - name: Talent
        """;

    /// <summary>A site with the data files and two briefs: Karpathy founds Eureka Labs, then joins Anthropic.</summary>
    public static TestSite Create(string? extraBrief = null)
    {
        var site = new TestSite()
            .Write("_data/companies.yml", Companies)
            .Write("_data/people.yml", People)
            .Write("_data/topics.yml", Topics)
            .Write("briefs/2024/eureka.md", TestSite.Brief("""
                title: "Karpathy founds Eureka Labs"
                date: 2024-07-16
                people: [Andrej Karpathy]
                relations: [{subject: Karpathy, verb: founds, object: Eureka Labs}]
                """))
            .Write("briefs/2025/joins.md", TestSite.Brief("""
                title: "Andrej Karpathy joins Anthropic"
                date: 2025-05-19
                topics: [Talent]
                relations:
                  - {subject: Andrej Karpathy, verb: joins, object: Anthropic PBC, role: pre-training}
                  - {subject: Jan Leike, verb: leaves, object: Open AI, date: 2025-01-02}
                """));
        if (extraBrief is not null) site.Write("briefs/2025/extra.md", extraBrief);
        return site;
    }
}
