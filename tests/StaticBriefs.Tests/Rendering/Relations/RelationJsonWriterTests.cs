using System.Text.Json.Nodes;
using Json.Schema;
using StaticBriefs.Tests.Support;

namespace StaticBriefs.Tests.Rendering.Relations;

/// <summary>The JSON files for other tools, validated against the versioned schemas kept in <c>schemas/</c>.</summary>
public sealed class RelationJsonWriterTests
{
    private static JsonSchema Schema(string name) => JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Root, "schemas", name)));

    private static void AssertValid(JsonSchema schema, string json, string file)
    {
        var result = schema.Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        var errors = result.Details.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, file + " does not match its schema:\n" + string.Join('\n', errors));
    }

    [Fact]
    public void Relations_json_lists_every_relation_oldest_first_and_matches_its_schema()
    {
        using var site = RelationSite.Create();
        site.BuildOk();
        var json = site.ReadOutput("relations.json");
        AssertValid(Schema("relations.v1.schema.json"), json, "relations.json");
        var relations = JsonNode.Parse(json)!["relations"]!.AsArray();
        Assert.Equal(7, relations.Count);
        var last = relations[^1]!;
        Assert.Equal("Andrej Karpathy", (string?)last["subject"]!["name"]);
        Assert.Equal("joins", (string?)last["verb"]);
        Assert.Equal("Anthropic", (string?)last["object"]!["name"]);
        Assert.Equal("2025-05-19", (string?)last["date"]);
        Assert.EndsWith("/briefs/joins/", (string?)last["brief"]!["url"], StringComparison.Ordinal);
        Assert.Null(relations[0]!["brief"]);
        Assert.Equal("_data/people.yml", (string?)relations[0]!["source"]);
    }

    [Fact]
    public void Every_company_person_and_topic_has_an_index_json_that_matches_the_entity_schema()
    {
        using var site = RelationSite.Create();
        site.BuildOk();
        var schema = Schema("entity.v1.schema.json");
        var files = site.OutputFiles().Where(f => f.EndsWith("/index.json", StringComparison.Ordinal)).ToList();
        Assert.Contains("companies/anthropic/index.json", files);
        Assert.Contains("people/andrej-karpathy/index.json", files);
        Assert.Contains("topics/talent/index.json", files);
        foreach (var file in files) AssertValid(schema, site.ReadOutput(file), file);

        var karpathy = JsonNode.Parse(site.ReadOutput("people/andrej-karpathy/index.json"))!;
        Assert.Equal("person", (string?)karpathy["kind"]);
        Assert.Equal(["Karpathy"], karpathy["aliases"]!.AsArray().Select(a => (string?)a));
        Assert.Equal(6, karpathy["relations"]!["asSubject"]!.AsArray().Count);
        var anthropic = JsonNode.Parse(site.ReadOutput("companies/anthropic/index.json"))!;
        Assert.Equal("pre-training", (string?)Assert.Single(anthropic["relations"]!["asObject"]!.AsArray())!["role"]);
    }

    [Fact]
    public void A_schema_rejects_what_the_format_does_not_allow()
    {
        // The validation above would pass with a schema that accepts anything: show that this one does not.
        var schema = Schema("relations.v1.schema.json");
        var bad = """{"schema":"relations.v1","version":1,"site":"https://x.org/","relations":[{"verb":"hires"}]}""";
        Assert.False(schema.Evaluate(JsonNode.Parse(bad)).IsValid);
    }

    [Fact]
    public void The_json_is_the_same_bytes_on_every_build()
    {
        using var first = RelationSite.Create();
        first.BuildOk();
        using var second = RelationSite.Create();
        second.BuildOk();
        Assert.Equal(first.ReadOutput("relations.json"), second.ReadOutput("relations.json"));
        Assert.Equal(first.ReadOutput("people/andrej-karpathy/index.json"), second.ReadOutput("people/andrej-karpathy/index.json"));
    }

    [Theory]
    [InlineData("relations.json", "the relations between entities")]
    [InlineData("moves/index.html", "the moves page")]
    [InlineData("companies/anthropic/index.json", "the data file (index.json) of the company 'Anthropic'")]
    public void A_static_file_in_the_place_of_a_relation_file_is_a_collision(string file, string described)
    {
        using var site = RelationSite.Create();
        site.Write(file, "{}");
        var result = site.Build();
        var error = Assert.Single(result.Diagnostics, d => d.Code == StaticBriefs.Diagnostics.DiagnosticCodes.OutputCollision);
        Assert.Contains(described, error.Message, StringComparison.Ordinal);
        Assert.False(result.Written);
    }
}
