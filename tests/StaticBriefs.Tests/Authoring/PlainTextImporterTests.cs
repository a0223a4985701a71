using System.Collections.Immutable;
using StaticBriefs.Authoring;
using StaticBriefs.Loading;
using StaticBriefs.Model;

namespace StaticBriefs.Tests.Authoring;

public sealed class PlainTextImporterTests
{
    private static readonly DateTimeOffset Day = new(2025, 3, 4, 0, 0, 0, TimeSpan.Zero);

    private static readonly ImmutableArray<EntityDefinition> Entities =
    [
        Entity(TaxonomyKind.Companies, "Meta", "Meta Platforms"),
        Entity(TaxonomyKind.Companies, "Mistral AI", "Mistral"),
        Entity(TaxonomyKind.People, "Yann LeCun", "LeCun"),
        Entity(TaxonomyKind.Topics, "Open weights", "Open models"),
        Entity(TaxonomyKind.Topics, "Funding"),
    ];

    private static EntityDefinition Entity(TaxonomyKind kind, string name, params string[] aliases) =>
        new() { Kind = kind, Name = name, Aliases = [.. aliases], File = "_data/x.yml", Line = 1 };

    private static BriefDraft Import(string text) => PlainTextImporter.Import(text, Day, Entities);

    [Fact]
    public void First_line_is_the_title_and_the_first_paragraph_the_summary_when_there_is_no_summary_marker()
    {
        var draft = Import("Mistral raises a new round\n\nMistral closed a round led by investors. It plans more open models. A third sentence.\n\nSecond paragraph.\n");

        Assert.Equal("Mistral raises a new round", draft.Title);
        Assert.Equal("Mistral closed a round led by investors. It plans more open models.", draft.Summary);
        Assert.Equal("Mistral closed a round led by investors. It plans more open models. A third sentence.\n\nSecond paragraph.\n", draft.Body);
    }

    [Fact]
    public void Markdown_heading_wins_and_labels_become_level_two_headings()
    {
        var draft = Import("# LeCun leaves Meta\nTL;DR:\n* ✅ LeCun is leaving Meta\n* He will start a company\nBackground\nLeCun led research.\nWhat next:\nA startup.\n");

        Assert.Equal("LeCun leaves Meta", draft.Title);
        Assert.Equal("LeCun is leaving Meta. He will start a company.", draft.Summary);
        Assert.Equal("## Background\n\nLeCun led research.\n\n## What next\n\nA startup.\n", draft.Body);
    }

    [Fact]
    public void Title_comes_from_the_first_bullet_without_its_asides_when_the_text_opens_with_a_summary_marker()
    {
        var draft = Import("📌 Executive Summary\n- Meta, the owner of Facebook, has released new open models, a move aimed at Mistral.\nDetails\nMore text.\n");

        Assert.Equal("Meta has released new open models", draft.Title);
        Assert.Equal("Meta, the owner of Facebook, has released new open models, a move aimed at Mistral.", draft.Summary);
    }

    [Fact]
    public void Entities_are_proposed_whole_word_in_order_of_first_mention_with_aliases_folded()
    {
        var draft = Import("Funding news\n\nMistral and Meta Platforms talk. LeCun said open models matter; metadata and Metallica are not companies. More funding for Mistral.\n");

        Assert.Equal(["Mistral AI", "Meta"], draft.Companies.ToArray());
        Assert.Equal(["Yann LeCun"], draft.People.ToArray());
        Assert.Equal(["Funding", "Open weights"], draft.Topics.ToArray());
    }

    [Fact]
    public void Hard_wrapped_lines_join_into_one_paragraph_and_markdown_characters_are_escaped()
    {
        var draft = Import("Title line\n\nThis sentence is wrapped\nacross two lines and uses *stars* and [brackets].\n#1 priority is growth.\n");

        Assert.Equal("This sentence is wrapped across two lines and uses \\*stars\\* and \\[brackets\\].\n\n\\#1 priority is growth.\n", draft.Body);
    }

    [Fact]
    public void Written_import_reads_back_through_the_loader_unchanged()
    {
        var draft = Import("Meta: \"Llama\" ships #1\n\nMeta shipped it.\n");
        var bag = new Diagnostics.DiagnosticBag();

        var document = DocumentLoader.Load(BriefMarkdownWriter.Write(draft), "briefs/x.md", bag);

        Assert.Empty(bag.Sorted());
        Assert.NotNull(document);
        Assert.Equal("Meta: \"Llama\" ships #1", document.Title);
        Assert.Equal(["Meta"], document.Companies.Select(c => c.Name));
        Assert.Equal(Day, document.Date);
    }
}
