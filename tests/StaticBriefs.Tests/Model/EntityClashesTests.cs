using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;
using StaticBriefs.Model;

namespace StaticBriefs.Tests.Model;

/// <summary>Two entities claiming one name or alias, or one entity defined twice, is an error at the later claim.</summary>
public sealed class EntityClashesTests
{
    private static List<Diagnostic> Clashes(string yaml, TaxonomyKind kind = TaxonomyKind.Companies)
    {
        var bag = new DiagnosticBag();
        var entities = EntityDataLoader.LoadFile(yaml, $"_data/{kind.Key()}.yml", kind, bag).ToList();
        EntityClashes.Report([.. entities], bag);
        return [.. bag.Sorted()];
    }

    [Fact]
    public void The_same_entity_twice_is_SB042_naming_the_first()
    {
        var error = Assert.Single(Clashes("- name: OpenAI\n- name: Acme\n- name: Open AI\n"));

        Assert.Equal((DiagnosticCodes.EntityClash, 3, 3), (error.Code, error.Line, error.Column));
        Assert.Contains("defined twice: also at _data/companies.yml:1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_claiming_another_entity_is_SB042_at_the_alias()
    {
        var error = Assert.Single(Clashes("- name: OpenAI\n- name: Acme\n  aliases:\n    - Acme Corp\n    - openai\n"));

        Assert.Equal((5, 7), (error.Line, error.Column));
        Assert.Contains("alias 'openai' of 'Acme' is also the name of 'OpenAI' (_data/companies.yml:1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_already_taken_as_an_alias_is_SB042()
    {
        var error = Assert.Single(Clashes("- name: Alphabet\n  aliases: [Google]\n- name: Google\n"));

        Assert.Equal(3, error.Line);
        Assert.Contains("is already an alias of 'Alphabet'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_that_folds_to_its_own_name_and_the_same_name_in_two_kinds_are_fine()
    {
        Assert.Empty(Clashes("- name: OpenAI\n  aliases: [Open AI, openai]\n"));
        var bag = new DiagnosticBag();
        var companies = EntityDataLoader.LoadFile("- name: Apple\n", "_data/companies.yml", TaxonomyKind.Companies, bag);
        var topics = EntityDataLoader.LoadFile("- name: Apple\n", "_data/topics.yml", TaxonomyKind.Topics, bag);
        EntityClashes.Report([.. companies, .. topics], bag);
        Assert.Empty(bag.Sorted());
    }
}
