using StaticBriefs.Diagnostics;
using StaticBriefs.Loading;
using StaticBriefs.Model.Relations;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Loading;

public sealed class RelationReaderTests
{
    private static (StaticBriefs.Model.SourceDocument? Document, IReadOnlyList<Diagnostic> Diagnostics) Load(string frontMatter)
    {
        var bag = new DiagnosticBag();
        var document = DocumentLoader.Load(TestSite.Brief(frontMatter), "briefs/x.md", bag);
        return (document, bag.Sorted());
    }

    [Fact]
    public void A_relation_is_read_with_its_verb_role_date_and_the_place_of_each_name()
    {
        var (document, diagnostics) = Load("""
            title: T
            date: 2026-05-20
            relations:
              - {subject: Andrej Karpathy, verb: Invests  In, object: Anthropic, role: pre-training, date: 2026-05-19}
            """);
        Assert.Empty(diagnostics);
        var relation = Assert.Single(document!.Relations);
        Assert.Equal(("Andrej Karpathy", RelationVerb.InvestsIn, "Anthropic", "pre-training"),
            (relation.Subject, relation.Verb, relation.Object, relation.Role));
        Assert.Equal(new DateTimeOffset(2026, 5, 19, 0, 0, 0, TimeSpan.Zero), relation.Date);
        Assert.Equal(new SourcePosition(5, 15), relation.SubjectAt);
        Assert.Equal(5, relation.ObjectAt.Line);
        Assert.True(relation.ObjectAt.Column > relation.SubjectAt.Column);
    }

    [Fact]
    public void A_relation_without_a_date_leaves_it_to_the_brief()
    {
        var (document, _) = Load("title: T\ndate: 2026-05-20\nrelations: [{subject: A, verb: joins, object: B}]");
        Assert.Null(Assert.Single(document!.Relations).Date);
    }

    [Fact]
    public void An_unknown_verb_is_an_error_with_a_did_you_mean_at_its_place()
    {
        var (_, diagnostics) = Load("title: T\ndate: 2026-05-20\nrelations: [{subject: A, verb: jions, object: B}]");
        var error = Assert.Single(diagnostics);
        Assert.Equal((Severity.Error, DiagnosticCodes.UnknownRelationVerb, 4), (error.Severity, error.Code, error.Line));
        Assert.True(error.Column > 1);
        Assert.Contains("did you mean 'joins'?", error.Message);
    }

    [Fact]
    public void A_bad_date_an_unknown_key_and_a_missing_object_are_each_reported()
    {
        var (_, diagnostics) = Load("""
            title: T
            date: 2026-05-20
            relations:
              - {subject: A, verb: joins, object: B, date: last spring}
              - {subject: A, verb: joins, object: B, rol: x}
              - {subject: A, verb: leaves}
              - just words
            """);
        Assert.Collection(diagnostics,
            d => Assert.Equal((DiagnosticCodes.BadRelationDate, 5), (d.Code, d.Line)),
            d => Assert.True(d.Code == DiagnosticCodes.BadRelation && d.Line == 6 && d.Message.Contains("did you mean 'role'?"), d.ToString()),
            d => Assert.True(d.Code == DiagnosticCodes.BadRelation && d.Line == 7 && d.Message.Contains("no 'object'"), d.ToString()),
            d => Assert.Equal((DiagnosticCodes.BadRelation, 8), (d.Code, d.Line)));
        Assert.All(diagnostics, d => Assert.Equal(Severity.Error, d.Severity));
    }

    [Fact]
    public void Relations_that_are_not_a_list_are_an_error()
    {
        var (_, diagnostics) = Load("title: T\ndate: 2026-05-20\nrelations: Karpathy joins Anthropic");
        Assert.Equal(DiagnosticCodes.BadRelation, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Relations_are_capped_per_brief_and_names_are_capped_in_length()
    {
        var many = string.Concat(Enumerable.Range(0, RelationReader.MaxPerBrief + 5).Select(i => $"  - {{subject: P{i}, verb: joins, object: C}}\n"));
        var (document, diagnostics) = Load("title: T\ndate: 2026-05-20\nrelations:\n" + many + $"  - {{subject: {new string('x', 5000)}, verb: joins, object: C}}");
        Assert.Equal(RelationReader.MaxPerBrief, document!.Relations.Length);
        var warning = Assert.Single(diagnostics);
        Assert.Equal((Severity.Warning, DiagnosticCodes.CapApplied, 5 + RelationReader.MaxPerBrief), (warning.Severity, warning.Code, warning.Line));

        (document, _) = Load($"title: T\ndate: 2026-05-20\nrelations: [{{subject: {new string('x', 5000)}, verb: joins, object: C}}]");
        Assert.Equal(StaticBriefs.Model.ContentCaps.TagLength, Assert.Single(document!.Relations).Subject.Length);
    }

    [Fact]
    public void Relations_are_read_from_toml_and_json_front_matter_with_their_places()
    {
        var bag = new DiagnosticBag();
        var toml = DocumentLoader.Load(
            "+++\ntitle = \"T\"\ndate = 2026-05-20\n\n[[relations]]\nsubject = \"Andrej Karpathy\"\nverb = \"joins\"\nobject = \"Anthropic\"\ndate = 2026-05-19\n+++\nBody.\n",
            "briefs/toml.md", bag);
        Assert.Empty(bag.Sorted());
        var relation = Assert.Single(toml!.Relations);
        Assert.Equal(("Andrej Karpathy", RelationVerb.Joins, "Anthropic"), (relation.Subject, relation.Verb, relation.Object));
        Assert.Equal(new DateTimeOffset(2026, 5, 19, 0, 0, 0, TimeSpan.Zero), relation.Date);
        Assert.Equal(6, relation.SubjectAt.Line);

        var json = DocumentLoader.Load(
            "{\n  \"title\": \"T\",\n  \"date\": \"2026-05-20\",\n  \"relations\": [{\"subject\": \"A\", \"verb\": \"jions\", \"object\": \"B\"}]\n}\nBody.\n",
            "briefs/json.md", bag);
        Assert.NotNull(json);
        var error = Assert.Single(bag.Sorted());
        Assert.Equal((DiagnosticCodes.UnknownRelationVerb, "briefs/json.md", 4), (error.Code, error.File, error.Line));
        Assert.Contains("did you mean 'joins'?", error.Message);
    }
}
