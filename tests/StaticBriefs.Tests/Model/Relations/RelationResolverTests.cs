using StaticBriefs.Diagnostics;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Model.Relations;

/// <summary>Names in relations resolve through the entity data; what does not resolve fails the build at its place.</summary>
public sealed class RelationResolverTests
{
    private static IReadOnlyList<Diagnostic> Errors(string relations)
    {
        using var site = RelationSite.Create(TestSite.Brief($"title: Extra\ndate: 2025-03-01\nrelations:\n{relations}"));
        var result = site.Build();
        Assert.True(result.HasErrors);
        Assert.False(site.OutputExists("index.html"));
        return [.. result.Diagnostics.Where(d => d.Severity == Severity.Error)];
    }

    [Fact]
    public void Aliases_resolve_to_the_entity_and_relation_ends_become_terms_of_the_brief()
    {
        using var site = RelationSite.Create();
        site.BuildOk();
        // "Anthropic PBC" and "Open AI" are aliases; neither company is tagged, yet both get pages and links.
        var brief = site.Html("briefs/joins/index.html");
        var line = brief.QuerySelectorAll(".relations-brief li").Select(li => li.TextContent).ToList();
        Assert.Contains(line, t => t.StartsWith("Andrej Karpathy joins Anthropic (pre-training)", StringComparison.Ordinal));
        Assert.Contains(line, t => t.StartsWith("Jan Leike leaves OpenAI", StringComparison.Ordinal) && t.Contains("2 January 2025"));
        Assert.True(site.OutputExists("companies/anthropic/index.html"));
        Assert.True(site.OutputExists("people/jan-leike/index.html"));
    }

    [Fact]
    public void An_unknown_name_is_an_error_with_a_did_you_mean_at_the_name()
    {
        var error = Assert.Single(Errors("  - {subject: Andrej Karpathi, verb: joins, object: Anthropic}"));
        Assert.Equal((DiagnosticCodes.UnknownRelationName, "briefs/2025/extra.md", 5, 15), (error.Code, error.File, error.Line, error.Column));
        Assert.Contains("did you mean 'Andrej Karpathy'?", error.Message);
    }

    [Fact]
    public void A_company_joining_a_person_is_an_impossible_pair()
    {
        var errors = Errors("  - {subject: Anthropic, verb: joins, object: Andrej Karpathy}");
        Assert.All(errors, e => Assert.Equal(DiagnosticCodes.ImpossibleRelation, e.Code));
        Assert.Contains("'Anthropic' is a company, but the subject of 'joins' must be a person", errors[0].Message);
        Assert.Contains("swap subject and object", errors[0].Message);
        Assert.Contains("'Andrej Karpathy' is a person, but the object of 'joins' must be a company", errors[1].Message);
    }

    [Fact]
    public void A_person_acquiring_a_company_is_an_impossible_pair()
    {
        var error = Assert.Single(Errors("  - {subject: Karpathy, verb: acquires, object: Tesla}"));
        Assert.Equal(DiagnosticCodes.ImpossibleRelation, error.Code);
    }

    [Fact]
    public void Every_bad_relation_is_reported_in_one_run()
    {
        var errors = Errors("""
              - {subject: Nobody Known, verb: leaves, object: OpenAI}
              - {subject: Karpathy, verb: joins, object: Nowhere Inc}
              - {subject: Tesla, verb: partners with, object: Karpathy}
            """);
        Assert.Equal([DiagnosticCodes.UnknownRelationName, DiagnosticCodes.UnknownRelationName, DiagnosticCodes.ImpossibleRelation],
            errors.Select(e => e.Code));
    }

    [Fact]
    public void A_release_may_name_a_model_in_plain_words()
    {
        using var site = RelationSite.Create(TestSite.Brief("title: Release\ndate: 2025-03-01\nrelations: [{subject: Anthropic, verb: releases, object: Claude <3>}]"));
        site.BuildOk();
        var item = site.Html("briefs/extra/index.html").QuerySelector(".relations-brief li")!;
        Assert.StartsWith("Anthropic releases Claude <3>", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("Claude &lt;3&gt;", item.InnerHtml);
    }

    [Fact]
    public void Dated_affiliations_in_the_data_become_relations_and_an_unknown_company_there_is_an_error()
    {
        using var site = RelationSite.Create();
        site.Write("_data/people.yml", RelationSite.People + "\n  past:\n    - {company: Teslaa, from: 2020-01-01}\n");
        var result = site.Build();
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal((DiagnosticCodes.UnknownRelationName, "_data/people.yml"), (error.Code, error.File));
        Assert.Contains("did you mean 'Tesla'?", error.Message);
    }

    [Fact]
    public void An_affiliation_that_ends_before_it_starts_is_an_error()
    {
        using var site = RelationSite.Create();
        site.Write("_data/people.yml", RelationSite.People.Replace("to: 2017-06-20", "to: 2014-01-01", StringComparison.Ordinal));
        var error = Assert.Single(site.Build().Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.BadRelationDate, error.Code);
    }
}
