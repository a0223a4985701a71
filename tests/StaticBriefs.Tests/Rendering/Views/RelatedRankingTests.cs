using System.Globalization;
using StaticBriefs.Model;
using StaticBriefs.Rendering.Views;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Rendering.Views;

public sealed class RelatedRankingTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public void A_shared_company_or_person_outweighs_shared_topics_then_the_closest_date_then_the_lower_id_wins()
    {
        _site.Write("_data/companies.yml", "- name: Acme\n- name: Globex\n");
        _site.Write("_data/people.yml", "- name: Ada Lovelace\n");
        _site.Write("_data/topics.yml", "- name: Chips\n- name: Funding\n- name: Hiring\n");
        _site.Write("briefs/x.md", TestSite.Brief("title: X\ndate: 2024-05-10\ncompanies: [Acme]\ntopics: [Chips, Funding, Hiring]"));
        // Two topics (2) against one company (3): the company wins; company and topic (4) beats both.
        _site.Write("briefs/two-topics.md", TestSite.Brief("title: Two topics\ndate: 2024-05-11\ntopics: [Chips, Funding]"));
        _site.Write("briefs/company.md", TestSite.Brief("title: Company\ndate: 2024-01-01\ncompanies: [Acme]"));
        _site.Write("briefs/company-topic.md", TestSite.Brief("title: Company and topic\ndate: 2023-01-01\ncompanies: [Acme]\ntopics: [Hiring]"));
        // One topic each (1): the closer in time first; at the same distance, the newer (lower id).
        _site.Write("briefs/near.md", TestSite.Brief("title: Near\ndate: 2024-05-12\ntopics: [Chips]"));
        _site.Write("briefs/far-before.md", TestSite.Brief("title: Far before\ndate: 2024-04-10\ntopics: [Funding]"));
        _site.Write("briefs/far-after.md", TestSite.Brief("title: Far after\ndate: 2024-06-09\ntopics: [Hiring]"));
        // Nothing shared: never related.
        _site.Write("briefs/unrelated.md", TestSite.Brief("title: Unrelated\ndate: 2024-05-10\ncompanies: [Globex]\npeople: [Ada Lovelace]"));
        var site = _site.Model();
        using var views = new ViewFactory(site);
        var x = site.Briefs.Single(b => b.Source.Title == "X");

        Assert.Equal(["Company and topic", "Company", "Two topics", "Near", "Far after"], views.Related(x).Select(c => c.Title));
        Assert.Equal(["Company and topic", "Company", "Two topics", "Near", "Far after", "Far before"], views.Related(x, 8).Select(c => c.Title));
        Assert.Equal(["Company and topic"], views.Related(x, 1).Select(c => c.Title));
    }

    [Fact]
    public void Every_brief_of_a_random_site_gets_the_list_a_full_count_of_every_shared_entity_gives()
    {
        var random = new Random(20261203);
        string[] companies = [.. Enumerable.Range(0, 6).Select(i => $"Company {i}")];
        string[] people = [.. Enumerable.Range(0, 9).Select(i => $"Person {i}")];
        // Four common topics (each on about 100 of 240 briefs) and four rare ones, so scores tie often.
        string[] topics = [.. Enumerable.Range(0, 8).Select(i => $"Topic {i}")];
        _site.Write("_data/companies.yml", string.Concat(companies.Select(n => $"- name: {n}\n")));
        _site.Write("_data/people.yml", string.Concat(people.Select(n => $"- name: {n}\n")));
        _site.Write("_data/topics.yml", string.Concat(topics.Select(n => $"- name: {n}\n")));
        string Pick(string[] names, int most) =>
            string.Join(", ", names.OrderBy(_ => random.Next()).Take(random.Next(most + 1)));
        string PickTopics() =>
            string.Join(", ", topics.Where((_, t) => random.NextDouble() < (t < 4 ? 0.4 : 0.08)));
        for (var i = 0; i < 240; i++)
        {
            // Few distinct dates, so equal distances (and the id tie-break) come up.
            var date = new DateTime(2024, 1, 1).AddDays(random.Next(20)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            _site.Write($"briefs/b{i:000}.md", TestSite.Brief(
                $"title: Brief {i}\ndate: {date}\ncompanies: [{Pick(companies, 2)}]\npeople: [{Pick(people, 2)}]\ntopics: [{PickTopics()}]"));
        }
        var site = _site.Model();
        using var views = new ViewFactory(site);

        foreach (var brief in site.Briefs)
        {
            Assert.Equal(Reference(site, brief, 5), views.RelatedIds(brief.Id));
            foreach (var count in (int[])[1, 3, 12])
                Assert.Equal(Reference(site, brief, count).Select(id => site.Briefs[id].Source.Title), views.Related(brief, count).Select(c => c.Title));
        }
    }

    [Fact]
    public void Wide_terms_looked_up_in_bit_sets_rank_as_a_full_count_and_are_walked_only_when_the_bound_is_not_beaten()
    {
        var random = new Random(20261205);
        // One company on half the briefs and four topics on 40% each are wide; the rest are narrow. A fifth of the
        // briefs name no company or person, so only their topics (wide) relate them: those walk the wide lists.
        string[] companies = [.. Enumerable.Range(0, 8).Select(i => $"Company {i}")];
        string[] people = [.. Enumerable.Range(0, 12).Select(i => $"Person {i}")];
        string[] topics = [.. Enumerable.Range(0, 8).Select(i => $"Topic {i}")];
        _site.Write("_data/companies.yml", string.Concat(companies.Select(n => $"- name: {n}\n")));
        _site.Write("_data/people.yml", string.Concat(people.Select(n => $"- name: {n}\n")));
        _site.Write("_data/topics.yml", string.Concat(topics.Select(n => $"- name: {n}\n")));
        const int Briefs = 300;
        for (var i = 0; i < Briefs; i++)
        {
            var date = new DateTime(2024, 1, 1).AddDays(random.Next(30)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var named = random.NextDouble() >= 0.2;
            var company = named ? string.Join(", ", companies.Where((_, c) => random.NextDouble() < (c == 0 ? 0.5 : 0.1))) : "";
            var person = named ? string.Join(", ", people.Where(_ => random.NextDouble() < 0.1)) : "";
            var topic = string.Join(", ", topics.Where((_, t) => random.NextDouble() < (t < 4 ? 0.4 : 0.05)));
            _site.Write($"briefs/b{i:000}.md", TestSite.Brief($"title: Brief {i}\ndate: {date}\ncompanies: [{company}]\npeople: [{person}]\ntopics: [{topic}]"));
        }
        var site = _site.Model();

        foreach (var minWide in (int[])[1, 40, RelatedRanking.MinWide])
        {
            using var ranking = new RelatedRanking(site, minWide: minWide);
            foreach (var brief in site.Briefs)
            {
                foreach (var count in (int[])[1, 5, 12]) Assert.Equal(Reference(site, brief, count), ranking.Best(brief, count));
            }
        }
        // How often the wide lists are walked: never when no term is wide (300 briefs against the 256 a wide term
        // needs), by every brief with a term when every term is, and in between when only the common ones are.
        var withTerms = site.Briefs.Count(b => TaxonomyKinds.All.Any(kind => b.TermsOf(kind).Length > 0));
        Assert.Equal(0, WideWalks(site, RelatedRanking.MinWide));
        Assert.Equal(withTerms, WideWalks(site, 1));
        Assert.InRange(WideWalks(site, 40), 1, withTerms - 1);
    }

    [Fact]
    public void Briefs_naming_more_terms_than_are_tallied_and_a_count_of_zero_rank_as_a_full_count()
    {
        // Up to 120 narrow terms a brief: past the 80 lists tallied in bytes, a brief is scored by scattering.
        var random = new Random(20261205);
        string[] companies = [.. Enumerable.Range(0, 60).Select(i => $"Company {i}")];
        string[] people = [.. Enumerable.Range(0, 60).Select(i => $"Person {i}")];
        _site.Write("_data/companies.yml", string.Concat(companies.Select(n => $"- name: {n}\n")));
        _site.Write("_data/people.yml", string.Concat(people.Select(n => $"- name: {n}\n")));
        for (var i = 0; i < 80; i++)
        {
            var many = i % 4 == 0;
            string Pick(string[] names) => string.Join(", ", names.Where(_ => random.NextDouble() < (many ? 0.8 : 0.05)));
            var date = new DateTime(2024, 1, 1).AddDays(random.Next(10)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            _site.Write($"briefs/b{i:000}.md", TestSite.Brief($"title: Brief {i}\ndate: {date}\ncompanies: [{Pick(companies)}]\npeople: [{Pick(people)}]"));
        }
        var site = _site.Model();
        using var ranking = new RelatedRanking(site);

        Assert.Contains(site.Briefs, b => b.Companies.Length + b.People.Length > 80);
        Assert.Contains(site.Briefs, b => b.Companies.Length + b.People.Length is > 8 and <= 80);
        foreach (var brief in site.Briefs)
        {
            Assert.Empty(ranking.Best(brief, 0));
            foreach (var count in (int[])[1, 5, 30]) Assert.Equal(Reference(site, brief, count), ranking.Best(brief, count));
        }
    }

    private static int WideWalks(SiteModel site, int minWide)
    {
        using var ranking = new RelatedRanking(site, minWide: minWide);
        foreach (var brief in site.Briefs) ranking.Best(brief, 5);
        return ranking.WideWalks;
    }

    /// <summary>Every other brief scored by every shared entity (company or person 3, topic 1), ranked, the best taken.</summary>
    private static int[] Reference(SiteModel site, Brief brief, int count)
    {
        static int Shared(Brief a, Brief b, TaxonomyKind kind) => a.TermsOf(kind).Sum(k => b.TermsOf(kind).Count(o => o == k));
        return [.. site.Briefs
            .Where(other => other.Id != brief.Id)
            .Select(other => (
                Score: (3 * (Shared(brief, other, TaxonomyKind.Companies) + Shared(brief, other, TaxonomyKind.People))) + Shared(brief, other, TaxonomyKind.Topics),
                Distance: Math.Abs(other.Date.UtcTicks - brief.Date.UtcTicks),
                other.Id))
            .Where(c => c.Score > 0)
            .OrderByDescending(c => c.Score).ThenBy(c => c.Distance).ThenBy(c => c.Id)
            .Take(count)
            .Select(c => c.Id)];
    }
}
