using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using StaticBriefs.Model;
using StaticBriefs.Model.Relations;
using StaticBriefs.Rendering.Views;

namespace StaticBriefs.Rendering.Relations;

/// <summary>
/// Writes the data other tools read: <c>/relations.json</c> (schema <c>schemas/relations.v1.schema.json</c>) and one
/// <c>index.json</c> per company, person and topic (schema <c>schemas/entity.v1.schema.json</c>). URLs are absolute
/// permalinks, so the files mean the same wherever they are read.
/// </summary>
public sealed class RelationJsonWriter(SiteModel site, ViewFactory views)
{
    /// <summary>Version of both formats; a breaking change gets a new schema file and a new number.</summary>
    public const int Version = 1;

    // Compact: the files are for tools, and a large site writes one per entity.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><c>/relations.json</c>: every relation, oldest first.</summary>
    public byte[] Relations()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("schema", "relations.v1");
            json.WriteNumber("version", Version);
            json.WriteString("site", views.Urls.Permalink("/"));
            json.WriteStartArray("relations");
            foreach (var relation in site.Relations.All) WriteRelation(json, relation);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A term's <c>index.json</c>: what the data files say about it, its briefs and its relations.</summary>
    public byte[] Entity(Term term)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("schema", "entity.v1");
            json.WriteNumber("version", Version);
            json.WriteString("kind", term.Kind.Singular());
            json.WriteString("name", term.Name);
            json.WriteString("slug", term.Slug);
            json.WriteString("url", views.Urls.Permalink(term.Path));
            WriteOptional(json, "description", term.Entity?.Description);
            WriteOptional(json, "website", term.Entity?.Website);
            json.WriteStartArray("aliases");
            foreach (var alias in term.Entity?.Aliases ?? []) json.WriteStringValue(alias);
            json.WriteEndArray();
            json.WriteStartArray("briefs");
            foreach (var id in term.BriefIds)
            {
                var brief = site.Briefs[id];
                json.WriteStartObject();
                json.WriteString("title", brief.Source.Title);
                json.WriteString("url", views.Urls.Permalink(brief.Path));
                json.WriteString("date", Dates.Iso(brief.Date));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartObject("relations");
            json.WriteStartArray("asSubject");
            foreach (var relation in site.Relations.AsSubject(term.Kind, term.Key)) WriteRelation(json, relation);
            json.WriteEndArray();
            json.WriteStartArray("asObject");
            foreach (var relation in site.Relations.AsObject(term.Kind, term.Key)) WriteRelation(json, relation);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private void WriteRelation(Utf8JsonWriter json, Relation relation)
    {
        json.WriteStartObject();
        WriteEnd(json, "subject", relation.Subject);
        json.WriteString("verb", relation.Verb.Text());
        WriteEnd(json, "object", relation.Object);
        WriteOptional(json, "role", relation.Role);
        json.WriteString("date", Dates.Iso(relation.Date));
        if (relation.BriefId is { } id)
        {
            var brief = site.Briefs[id];
            json.WriteStartObject("brief");
            json.WriteString("title", brief.Source.Title);
            json.WriteString("url", views.Urls.Permalink(brief.Path));
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("brief");
        }
        json.WriteString("source", relation.File);
        json.WriteEndObject();
    }

    private void WriteEnd(Utf8JsonWriter json, string name, RelationEnd end)
    {
        json.WriteStartObject(name);
        json.WriteString("kind", end.Kind?.Singular() ?? "text");
        json.WriteString("name", end.Name);
        if (end.Kind is { } kind && site.Taxonomies[kind].ByKey.TryGetValue(end.Key, out var term))
            json.WriteString("url", views.Urls.Permalink(term.Path));
        else
            json.WriteNull("url");
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, value);
    }
}
