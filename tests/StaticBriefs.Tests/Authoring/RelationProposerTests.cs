using System.Collections.Immutable;
using StaticBriefs.Authoring;
using StaticBriefs.Loading;
using StaticBriefs.Model;
using StaticBriefs.Model.Relations;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Authoring;

public sealed class RelationProposerTests
{
    private static ImmutableArray<EntityDefinition> SampleEntities() =>
        EntityDataLoader.Load(RepoPaths.SampleInput, new StaticBriefs.Diagnostics.DiagnosticBag());

    private static readonly ImmutableArray<EntityDefinition> Entities =
    [
        Entity(TaxonomyKind.Companies, "Meta", "Meta Platforms"),
        Entity(TaxonomyKind.Companies, "Mistral AI", "Mistral"),
        Entity(TaxonomyKind.Companies, "Microsoft"),
        Entity(TaxonomyKind.People, "Yann LeCun", "LeCun"),
    ];

    private static EntityDefinition Entity(TaxonomyKind kind, string name, params string[] aliases) =>
        new() { Kind = kind, Name = name, Aliases = [.. aliases], File = "_data/x.yml", Line = 1 };

    [Theory]
    [InlineData("LeCun has joined Mistral.", "Yann LeCun", RelationVerb.Joins, "Mistral AI")]
    [InlineData("Yann LeCun, long the face of its research, has left Meta Platforms.", "Yann LeCun", RelationVerb.Leaves, "Meta")]
    [InlineData("Microsoft has acquired Mistral in a surprise deal.", "Microsoft", RelationVerb.Acquires, "Mistral AI")]
    [InlineData("Microsoft invested EUR 15 million in Mistral.", "Microsoft", RelationVerb.InvestsIn, "Mistral AI")]
    [InlineData("Meta partners with Microsoft on Llama.", "Meta", RelationVerb.PartnersWith, "Microsoft")]
    public void X_has_joined_Y_and_similar_phrases_give_a_relation(string text, string subject, RelationVerb verb, string obj)
    {
        var proposal = Assert.Single(RelationProposer.Propose(Entities, text));
        Assert.Equal((subject, verb, obj), (proposal.Subject, proposal.Verb, proposal.Object));
    }

    [Theory]
    [InlineData("Meta has joined LeCun.")]
    [InlineData("LeCun praised Meta. He has joined nothing.")]
    [InlineData("LeCun has acquired Meta.")]
    public void Pairs_whose_kinds_do_not_fit_or_that_span_sentences_give_nothing(string text)
    {
        Assert.Empty(RelationProposer.Propose(Entities, text));
    }

    [Fact]
    public void The_seed_gives_Karpathy_joins_Anthropic_on_the_pre_training_team()
    {
        var draft = PlainTextImporter.Import(File.ReadAllText(AuthoringTestSupport.Seed("karpathy-joins-anthropic.txt")), new DateTimeOffset(2026, 5, 19, 0, 0, 0, TimeSpan.Zero), SampleEntities());
        var relation = Assert.Single(draft.Relations);
        Assert.Equal(new ProposedRelation("Andrej Karpathy", RelationVerb.Joins, "Anthropic", "pre-training"), relation);
    }

    [Fact]
    public void An_imported_seed_builds_and_its_brief_shows_the_relation()
    {
        using var site = TestSite.CopyOf(RepoPaths.SampleInput);
        var draft = PlainTextImporter.Import(File.ReadAllText(AuthoringTestSupport.Seed("karpathy-joins-anthropic.txt")), new DateTimeOffset(2025, 5, 19, 0, 0, 0, TimeSpan.Zero), SampleEntities());
        site.Write("briefs/2025/imported.md", BriefMarkdownWriter.Write(draft with { Draft = false }));
        site.BuildOk();
        var slug = StaticBriefs.Text.Slugger.Slugify("imported");
        var line = site.Html($"briefs/{slug}/index.html").QuerySelector(".relations-brief li")!.TextContent;
        Assert.StartsWith("Andrej Karpathy joins Anthropic (pre-training)", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Andrej Karpathy joins Anthropic as pre-training", "Andrej Karpathy", RelationVerb.Joins, "Anthropic", "pre-training")]
    [InlineData("Amazon invests in Anthropic", "Amazon", RelationVerb.InvestsIn, "Anthropic", null)]
    [InlineData("Google partners with Character.AI", "Google", RelationVerb.PartnersWith, "Character.AI", null)]
    public void A_relation_written_for_new_is_parsed(string text, string subject, RelationVerb verb, string obj, string? role)
    {
        Assert.Equal(new ProposedRelation(subject, verb, obj, role), RelationProposer.Parse(text));
    }

    [Fact]
    public void A_relation_without_a_known_verb_is_not_parsed()
    {
        Assert.Null(RelationProposer.Parse("Karpathy hires Anthropic"));
    }
}
