using System.Text.Json.Serialization;

namespace StaticBriefs.Rendering.Views;

/// <summary>
/// Source-generated JSON for what pages and feeds embed (JSON-LD, JSON Feed): the shapes are dictionaries of strings,
/// string lists and nested dictionaries, and every type a value can take is listed, so no serializer is built by
/// reflection at run time (the ahead-of-time compiled tool has none, and the first reflection-built one costs a small
/// build tens of milliseconds).
/// </summary>
[JsonSerializable(typeof(Dictionary<string, object?>))]
[JsonSerializable(typeof(Dictionary<string, object?>[]))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, string>[]))]
[JsonSerializable(typeof(Dictionary<string, string?>))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(string))]
internal sealed partial class SiteJsonContext : JsonSerializerContext;
