using System.Text.Json;
using System.Xml.Linq;
using StaticBriefs.Rendering.Feeds;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Rendering.Feeds;

/// <summary>Entity feeds carry the relations of each entry that involve their entity: a content line, an Atom category, JSON data.</summary>
public sealed class FeedRelationsTests : IDisposable
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private readonly TestSite _site = RelationSite.Create(TestSite.Brief("""
        title: "A lab hires"
        date: 2025-03-01
        relations: [{subject: Karpathy, verb: joins, object: OpenAI, role: "R&D <lab>"}]
        """));

    public FeedRelationsTests()
    {
        _site.Write("_site.yml", "title: Desk\nbase_url: https://example.org/sub/\n");
        _site.BuildOk();
    }

    public void Dispose() => _site.Dispose();

    private XElement AtomEntry(string feed, string title) =>
        XDocument.Parse(_site.ReadOutput(feed)).Descendants(Atom + "entry").Single(e => e.Element(Atom + "title")!.Value == title);

    private JsonElement JsonItem(string feed, string title)
    {
        using var json = JsonDocument.Parse(_site.ReadOutput(feed));
        return json.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("title").GetString() == title).Clone();
    }

    private static List<(string Term, string Label, string Scheme)> RelationCategories(XElement entry) =>
        [.. entry.Elements(Atom + "category").Where(c => c.Attribute("scheme")!.Value == AtomFeedWriter.RelationScheme)
            .Select(c => (c.Attribute("term")!.Value, c.Attribute("label")!.Value, c.Attribute("scheme")!.Value))];

    [Fact]
    public void A_persons_atom_feed_says_the_relation_in_the_content_and_as_a_category()
    {
        var entry = AtomEntry("people/andrej-karpathy/feed.xml", "Andrej Karpathy joins Anthropic");

        var sentence = "Andrej Karpathy joins Anthropic (pre-training), 19 May 2025";
        Assert.Equal([("joins", sentence, AtomFeedWriter.RelationScheme)], RelationCategories(entry));
        var content = entry.Element(Atom + "content")!.Value;
        Assert.StartsWith($"<ul class=\"relations\"><li>{sentence}</li></ul>", content, StringComparison.Ordinal);
        // The brief also reports Jan Leike leaving OpenAI: not about Karpathy, so not in his feed.
        Assert.DoesNotContain("Leike", content, StringComparison.Ordinal);
    }

    [Fact]
    public void A_companys_json_feed_carries_the_relation_as_data()
    {
        var item = JsonItem("companies/anthropic/feed.json", "Andrej Karpathy joins Anthropic");

        var relation = Assert.Single(item.GetProperty("_staticbriefs").GetProperty("relations").EnumerateArray());
        Assert.Equal("person", relation.GetProperty("subject").GetProperty("kind").GetString());
        Assert.Equal("Andrej Karpathy", relation.GetProperty("subject").GetProperty("name").GetString());
        Assert.Equal("https://example.org/sub/people/andrej-karpathy/", relation.GetProperty("subject").GetProperty("url").GetString());
        Assert.Equal("joins", relation.GetProperty("verb").GetString());
        Assert.Equal("Anthropic", relation.GetProperty("object").GetProperty("name").GetString());
        Assert.Equal("https://example.org/sub/companies/anthropic/", relation.GetProperty("object").GetProperty("url").GetString());
        Assert.Equal("pre-training", relation.GetProperty("role").GetString());
        Assert.Equal("2025-05-19", relation.GetProperty("date").GetString());
        Assert.StartsWith("<ul class=\"relations\"><li>Andrej Karpathy joins Anthropic (pre-training), 19 May 2025</li></ul>",
            item.GetProperty("content_html").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_entity_feed_has_only_the_relations_involving_its_entity()
    {
        // The brief reports two relations: Anthropic's feed has Karpathy's (above), OpenAI's has Leike's.
        var openai = JsonItem("companies/openai/feed.json", "Andrej Karpathy joins Anthropic");
        var relation = Assert.Single(openai.GetProperty("_staticbriefs").GetProperty("relations").EnumerateArray());
        Assert.Equal("Jan Leike", relation.GetProperty("subject").GetProperty("name").GetString());
        Assert.Equal("leaves", relation.GetProperty("verb").GetString());
        Assert.Equal(JsonValueKind.Null, relation.GetProperty("role").ValueKind);
        // A topic the brief names but no relation involves: the entry as the site feed has it.
        var talent = JsonItem("topics/talent/feed.json", "Andrej Karpathy joins Anthropic");
        Assert.False(talent.GetProperty("_staticbriefs").TryGetProperty("relations", out _));
        Assert.Empty(RelationCategories(AtomEntry("topics/talent/feed.xml", "Andrej Karpathy joins Anthropic")));
    }

    [Fact]
    public void The_site_feed_is_left_as_it_was()
    {
        Assert.Empty(RelationCategories(AtomEntry("feed.xml", "Andrej Karpathy joins Anthropic")));
        Assert.DoesNotContain("class=\"relations\"", _site.ReadOutput("feed.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_role_with_markup_is_escaped_and_the_atom_feed_stays_well_formed()
    {
        var entry = AtomEntry("companies/openai/feed.xml", "A lab hires");

        Assert.Equal("Andrej Karpathy joins OpenAI (R&D <lab>), 1 March 2025", RelationCategories(entry).Single().Label);
        // The content is HTML carried as text: the role's markup is text in it, never a tag.
        Assert.StartsWith("<ul class=\"relations\"><li>Andrej Karpathy joins OpenAI (R&amp;D &lt;lab&gt;), 1 March 2025</li></ul>",
            entry.Element(Atom + "content")!.Value, StringComparison.Ordinal);
        var item = JsonItem("companies/openai/feed.json", "A lab hires");
        Assert.Equal("R&D <lab>", item.GetProperty("_staticbriefs").GetProperty("relations")[0].GetProperty("role").GetString());
    }
}
